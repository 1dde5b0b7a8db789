package dev.codearena.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** A real PostgreSQL (zonky's Maven-delivered binaries) whose data directory outlives the process. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param durable {@code true} keeps PostgreSQL's default {@code synchronous_commit=on}: a
     *                committed event is on disk before the command returns. Tests turn it off.
     */
    static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean durable, Consumer<String> notes) throws IOException {
        Files.createDirectories(dataDirectory);
        OrphanedServers.stopIfRunning(dataDirectory.resolve("postmaster.pid"), "postgres", notes);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Spring destroys us after Axon and the connection pool are done (stack-notes 4).
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDirectory.resolveSibling("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDirectory.resolveSibling("postgres.log").toFile()))
                .start();
        return new EmbeddedPostgresServer(postgres);
    }

    int port() {
        return postgres.getPort();
    }

    /** {@code pg_ctl stop -m fast}: open transactions roll back, committed data is flushed. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
