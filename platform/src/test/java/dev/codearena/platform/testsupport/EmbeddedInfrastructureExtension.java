package dev.codearena.platform.testsupport;

import dev.codearena.platform.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL and Redis for tests: started once per JVM on free ports with a throw-away
 * data directory (under {@code java.io.tmpdir}, i.e. {@code target/test-tmp}), stopped when
 * the test run ends. It publishes {@code codearena.postgres.url}, {@code codearena.postgres.username}
 * and {@code codearena.redis.url} as system properties, so every Spring context started by the
 * test (a {@code @SpringBootTest} or a hand-built {@code SpringApplication}) connects to them.
 * Use it through {@link EmbeddedInfrastructureTest}.
 * <p>
 * All test classes of a module share one database. A test whose tracking processors must not
 * meet those of other cached contexts, or that restarts contexts, asks for
 * {@link #newDatabase(String)} and points {@code codearena.postgres.url} at it.
 */
public final class EmbeddedInfrastructureExtension implements BeforeAllCallback {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Shared.class, key -> Shared.start(), Shared.class);
    }

    /** The JVM-wide servers; starts them if no test has yet. */
    public static EmbeddedInfrastructure infrastructure() {
        return Shared.instance().infrastructure;
    }

    /** Creates an empty database on the shared server and returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        EmbeddedInfrastructure infrastructure = infrastructure();
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return infrastructure.jdbcUrl(name);
    }

    static final class Shared implements ExtensionContext.Store.CloseableResource {

        private static Shared instance;
        private final EmbeddedInfrastructure infrastructure;

        private Shared(EmbeddedInfrastructure infrastructure) {
            this.infrastructure = infrastructure;
        }

        static synchronized Shared instance() {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }

        static synchronized Shared start() {
            if (instance != null) {
                return instance;
            }
            try {
                Path dataDirectory = Files.createTempDirectory("codearena-test-infra");
                // Throw-away test data: no fsync. Benchmarks can ask for the arena's durable settings
                // (-Dbench.durable=true) to measure what every commit's WAL flush costs.
                boolean durable = Boolean.getBoolean("bench.durable");
                EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDirectory, 0, 0, durable).awaitReady();
                System.setProperty("codearena.postgres.url", infrastructure.jdbcUrl());
                System.setProperty("codearena.postgres.username", infrastructure.username());
                System.setProperty("codearena.postgres.password", "");
                System.setProperty("codearena.redis.url", infrastructure.redisUrl());
                instance = new Shared(infrastructure);
                // Backstop for runs that end without JUnit closing its root store (e.g. a killed fork).
                Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "test-infrastructure-stop"));
                return instance;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            infrastructure.close();
        }
    }
}
