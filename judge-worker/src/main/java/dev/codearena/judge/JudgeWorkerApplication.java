package dev.codearena.judge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs a judge worker on its own. It needs only Redis (jobs in, results out):
 * {@code CODEARENA_REDIS_URL} (default {@code redis://localhost:6379}).
 * Keep this class free of configuration: the arena skips it and scans the package instead.
 */
@SpringBootApplication
public class JudgeWorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(JudgeWorkerApplication.class)
                .properties("spring.application.name=judge-worker",
                        "spring.data.redis.url=${codearena.redis.url:redis://localhost:6379}")
                .run(args);
    }
}
