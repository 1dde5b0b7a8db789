package dev.codearena.judge;

import dev.codearena.api.judge.Language;
import dev.codearena.judge.language.LanguageHealth;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The judge inside a Spring process (the worker service and the one-process arena).
 * Properties: {@code codearena.judge.enabled} (true), {@code .sandbox} (local),
 * {@code .work-dir}, {@code .problems-root}, {@code .self-test} (true), {@code .test-sessions} (sessions
 * one submission's tests are spread over; 0 or unset: {@link JudgeConfig#defaultTestSessions}), {@code .warm-sessions}
 * (sandbox sessions kept started ahead of need; unset: {@link JudgeConfig#defaultWarmSessions}, 0 turns them off). The problems root defaults to
 * {@code <codearena.data-dir>/problem-store}, where the command side's catalogue loader materialises
 * the tests that {@code JudgeJob.testsDir} points into (relative to it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "codearena.judge.enabled", havingValue = "true", matchIfMissing = true)
public class JudgeWorkerConfiguration {

    @Bean(destroyMethod = "close")
    JudgeService judgeService(@Value("${codearena.judge.sandbox:local}") String sandbox,
                              @Value("${codearena.judge.work-dir:}") String workDir,
                              @Value("${codearena.judge.problems-root:${codearena.data-dir:./data}/problem-store}") String problemsRoot,
                              @Value("${codearena.judge.test-sessions:0}") int testSessions,
                              @Value("${codearena.judge.warm-sessions:-1}") int warmSessions) {
        JudgeConfig config = JudgeConfig.defaults(sandbox);
        if (testSessions > 0) {
            config = config.withTestSessions(testSessions);
        }
        if (warmSessions >= 0) {
            config = config.withWarmSessions(warmSessions);
        }
        if (!workDir.isBlank()) {
            config = config.withWorkDir(Path.of(workDir).toAbsolutePath());
        }
        if (!problemsRoot.isBlank()) {
            config = config.withProblemsRoot(Path.of(problemsRoot).toAbsolutePath());
        }
        return new JudgeService(config);
    }

    @Bean
    SelfTestOnStart judgeSelfTestOnStart(JudgeService service, @Value("${codearena.judge.self-test:true}") boolean enabled) {
        return new SelfTestOnStart(service, enabled);
    }

    /** Lists the usable languages; DOWN when the sandbox is missing or no language works. */
    @Bean
    HealthIndicator judgeHealthIndicator(JudgeService service) {
        return () -> {
            if (!service.available()) {
                return Health.down().withDetail("reason", service.unavailableReason()).build();
            }
            LanguageHealth health = service.judge().orElseThrow().health();
            Map<String, Object> languages = new LinkedHashMap<>();
            health.snapshot().forEach((language, status) -> languages.put(language.id(),
                    status.usable() ? "usable" : "unusable: " + status.detail()));
            Health.Builder builder = service.selfTested() && health.usableLanguages().isEmpty() ? Health.down() : Health.up();
            return builder.withDetail("sandbox", service.judge().orElseThrow().sandbox().name())
                    .withDetail("selfTested", service.selfTested())
                    .withDetail("usable", health.usableLanguages().stream().map(Language::id).toList())
                    .withDetail("languages", languages).build();
        };
    }

    /** Self-tests after start-up on a background thread, so start-up time does not include javac and g++. */
    static final class SelfTestOnStart {
        private final JudgeService service;
        private final boolean enabled;

        SelfTestOnStart(JudgeService service, boolean enabled) {
            this.service = service;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            if (enabled) {
                Thread thread = new Thread(service::selfTest, "judge-self-test");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }
}
