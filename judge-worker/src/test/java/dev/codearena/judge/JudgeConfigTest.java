package dev.codearena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgeConfigTest {

    @Test
    void theWarmPoolFollowsTheNumberOfTestSessionsUnlessSetAfterwards() {
        JudgeConfig local = JudgeConfig.defaults("local");
        assertThat(local.withTestSessions(4).warmSessions()).isEqualTo(JudgeConfig.defaultWarmSessions("local", 4)).isEqualTo(10);
        assertThat(local.withTestSessions(4).withWarmSessions(1).warmSessions()).isEqualTo(1);
        assertThat(JudgeConfig.defaults("docker").withTestSessions(3).warmSessions()).isZero();
    }
}
