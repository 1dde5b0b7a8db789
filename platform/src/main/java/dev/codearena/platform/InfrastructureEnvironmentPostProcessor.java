package dev.codearena.platform;

import dev.codearena.platform.embedded.EmbeddedInfrastructure;
import dev.codearena.platform.embedded.EmbeddedInfrastructurePropertySource;
import org.springframework.boot.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, before any bean exists, which PostgreSQL and Redis the process uses, and hands
 * their coordinates to Spring as ordinary {@code spring.datasource.*}, {@code spring.r2dbc.*}
 * and {@code spring.data.redis.*} properties.
 * <ul>
 *   <li>External: {@code codearena.postgres.url} (a JDBC URL; env {@code CODEARENA_POSTGRES_URL})
 *       with {@code codearena.postgres.username/password}, and {@code codearena.redis.url}
 *       (env {@code CODEARENA_REDIS_URL}). Plain {@code spring.*} settings also count.</li>
 *   <li>Embedded: when one of them is missing and {@code codearena.embedded=true} (the arena's
 *       default), a real PostgreSQL and Redis are started with their data under
 *       {@code codearena.data-dir} (default {@code ./data}). They have to start here, not in a
 *       bean, because the DataSource and connection factories read these properties.</li>
 * </ul>
 * It also adds the platform's defaults ({@code codearena-platform.properties}) behind every
 * other property source, so each module's own configuration wins.
 */
public class InfrastructureEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "codearena-platform.properties";
    static final String DERIVED_SOURCE = "codearenaExternalInfrastructure";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addDefaults(environment);
        if (environment.getPropertySources().contains(EmbeddedInfrastructurePropertySource.NAME)) {
            return;
        }
        boolean externalPostgres = has(environment, "codearena.postgres.url") || has(environment, "spring.datasource.url");
        boolean externalRedis = has(environment, "codearena.redis.url") || has(environment, "spring.data.redis.url")
                || has(environment, "spring.data.redis.host");
        Map<String, Object> derived = new LinkedHashMap<>();
        if (externalPostgres) {
            derivePostgres(environment, derived);
        }
        if (externalRedis && has(environment, "codearena.redis.url")) {
            derived.put("spring.data.redis.url", environment.getProperty("codearena.redis.url"));
        }
        if (externalRedis) {
            derived.put("codearena.infrastructure.redis", "external");
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addBefore(DEFAULTS, new MapPropertySource(DERIVED_SOURCE, derived));
        }
        if (externalPostgres && externalRedis) {
            return;
        }
        if (!environment.getProperty("codearena.embedded", Boolean.class, false)) {
            String missing = !externalPostgres && !externalRedis ? "PostgreSQL and Redis"
                    : !externalPostgres ? "PostgreSQL" : "Redis";
            throw new IllegalStateException("No " + missing + " configured. Set CODEARENA_POSTGRES_URL "
                    + "(jdbc:postgresql://host:5432/db, with CODEARENA_POSTGRES_USERNAME/PASSWORD) and "
                    + "CODEARENA_REDIS_URL (redis://host:6379), or run with codearena.embedded=true to start embedded ones.");
        }
        startEmbedded(environment, !externalPostgres, !externalRedis);
    }

    private static void derivePostgres(ConfigurableEnvironment environment, Map<String, Object> derived) {
        String url = environment.getProperty("codearena.postgres.url");
        if (StringUtils.hasText(url)) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("codearena.postgres.url must be a JDBC URL (jdbc:postgresql://host:port/db), got " + url);
            }
            derived.put("spring.datasource.url", url);
            derived.put("spring.r2dbc.url", "r2dbc:" + url.substring("jdbc:".length()));
            copy(environment, derived, "codearena.postgres.username", "spring.datasource.username", "spring.r2dbc.username");
            copy(environment, derived, "codearena.postgres.password", "spring.datasource.password", "spring.r2dbc.password");
        }
        derived.put("codearena.infrastructure.postgres", "external");
    }

    private static void startEmbedded(ConfigurableEnvironment environment, boolean postgres, boolean redis) {
        Path dataDirectory = Path.of(environment.getProperty("codearena.data-dir", "./data"));
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDirectory,
                environment.getProperty("codearena.embedded.postgres-port", Integer.class, 0),
                environment.getProperty("codearena.embedded.redis-port", Integer.class, 0),
                environment.getProperty("codearena.embedded.durable", Boolean.class, true),
                postgres, redis);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (postgres) {
            properties.put("spring.datasource.url", infrastructure.jdbcUrl());
            properties.put("spring.datasource.username", infrastructure.username());
            properties.put("spring.datasource.password", "");
            properties.put("spring.r2dbc.url", infrastructure.r2dbcUrl());
            properties.put("spring.r2dbc.username", infrastructure.username());
            properties.put("spring.r2dbc.password", "");
            properties.put("codearena.infrastructure.postgres", "embedded(port=" + infrastructure.postgresPort()
                    + ", data=" + infrastructure.dataDirectory().resolve("postgres") + ")");
        }
        if (redis) {
            properties.put("spring.data.redis.url", infrastructure.redisUrl());
            properties.put("codearena.infrastructure.redis", "embedded(port=" + infrastructure.redisPort()
                    + ", data=" + infrastructure.dataDirectory().resolve("redis") + ")");
        }
        environment.getPropertySources().addFirst(new EmbeddedInfrastructurePropertySource(infrastructure, properties));
    }

    private static void addDefaults(ConfigurableEnvironment environment) {
        if (environment.getPropertySources().contains(DEFAULTS)) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new PropertiesPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource(DEFAULTS, InfrastructureEnvironmentPostProcessor.class.getClassLoader()));
            for (PropertySource<?> source : sources) {
                // Behind everything, except that an application's own SpringApplication default
                // properties (kept last by Boot) still win over the platform's.
                if (environment.getPropertySources().contains(DefaultPropertiesPropertySource.NAME)) {
                    environment.getPropertySources().addBefore(DefaultPropertiesPropertySource.NAME, source);
                } else {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
    }

    private static void copy(ConfigurableEnvironment environment, Map<String, Object> target, String from, String... to) {
        String value = environment.getProperty(from);
        if (value != null) {
            for (String key : to) {
                target.put(key, value);
            }
        }
    }

    private static boolean has(ConfigurableEnvironment environment, String key) {
        return StringUtils.hasText(environment.getProperty(key));
    }
}
