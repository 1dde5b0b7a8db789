package dev.codearena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The health endpoint's judge entry: usable languages after the self-test, DOWN without a sandbox. */
class JudgeHealthTest {

    @Test
    void listsEveryLanguageThatPassedItsSelfTest() {
        Judge judge = JudgeFixture.judge("local");
        Health health = new JudgeWorkerConfiguration().judgeHealthIndicator(new JudgeService(judge, null, true)).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("usable")).isEqualTo(List.of("cpp17", "c11", "python3", "java17", "javascript"));
        assertThat(health.getDetails().get("sandbox")).isEqualTo("local");
    }

    @Test
    void isDownWithTheReasonWhenNoSandboxCanRun() {
        Health health = new JudgeWorkerConfiguration()
                .judgeHealthIndicator(new JudgeService(null, "the local sandbox needs bubblewrap", false)).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason")).isEqualTo("the local sandbox needs bubblewrap");
    }
}
