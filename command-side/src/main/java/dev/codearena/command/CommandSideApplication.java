package dev.codearena.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the command side on its own, against external PostgreSQL and Redis
 * ({@code CODEARENA_POSTGRES_URL}, {@code CODEARENA_REDIS_URL}; or {@code --codearena.embedded=true}).
 * Keep this class free of configuration: the arena skips it and scans the package instead.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.application.name=command-side")
                .run(args);
    }
}
