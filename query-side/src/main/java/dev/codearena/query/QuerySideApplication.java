package dev.codearena.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the query side on its own, against external PostgreSQL and Redis
 * ({@code CODEARENA_POSTGRES_URL}, {@code CODEARENA_REDIS_URL}; or {@code --codearena.embedded=true}).
 * Keep this class free of configuration: the arena skips it and scans the package instead.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.application.name=query-side")
                .run(args);
    }
}
