package dev.codearena.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfrastructureEnvironmentPostProcessorTest {

    private final InfrastructureEnvironmentPostProcessor postProcessor = new InfrastructureEnvironmentPostProcessor();

    @Test
    void externalPostgresAndRedisBecomeSpringConnectionProperties() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("codearena.postgres.url", "jdbc:postgresql://db.internal:5432/arena")
                .withProperty("codearena.postgres.username", "arena")
                .withProperty("codearena.postgres.password", "secret")
                .withProperty("codearena.redis.url", "redis://cache.internal:6379");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5432/arena");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("arena");
        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db.internal:5432/arena");
        assertThat(environment.getProperty("spring.r2dbc.password")).isEqualTo("secret");
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://cache.internal:6379");
        assertThat(environment.getProperty("codearena.infrastructure.postgres")).isEqualTo("external");
    }

    @Test
    void platformDefaultsApplyButLoseToTheApplicationsOwnSettings() {
        MockEnvironment environment = externallyConfigured().withProperty("server.port", "9999");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.port")).isEqualTo("9999");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson");
        assertThat(environment.getProperty("spring.rsocket.server.mapping-path")).isEqualTo("/rsocket");
        assertThat(environment.getProperty("spring.flyway.ignore-migration-patterns")).isEqualTo("*:missing,*:future");
    }

    @Test
    void nothingConfiguredAndEmbeddedOffIsAClearError() {
        MockEnvironment environment = new MockEnvironment().withProperty("codearena.redis.url", "redis://cache:6379");

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("No PostgreSQL configured")
                .hasMessageContaining("CODEARENA_POSTGRES_URL")
                .hasMessageContaining("codearena.embedded=true");
    }

    @Test
    void aNonJdbcPostgresUrlIsRejected() {
        MockEnvironment environment = externallyConfigured()
                .withProperty("codearena.postgres.url", "postgres://db:5432/arena");

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be a JDBC URL");
    }

    private static MockEnvironment externallyConfigured() {
        return new MockEnvironment()
                .withProperty("codearena.postgres.url", "jdbc:postgresql://db:5432/arena")
                .withProperty("codearena.redis.url", "redis://cache:6379");
    }
}
