package dev.codearena.platform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Embedded PostgreSQL and Redis sharing one data directory ({@code <dataDir>/postgres},
 * {@code <dataDir>/redis}). Both start in the background as soon as this object is created:
 * their ports are chosen up front so the connection properties can be handed to Spring at
 * once, and {@link #awaitReady()} blocks only when the first bean actually needs a
 * connection. That overlaps PostgreSQL's start-up with Spring's own.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final Path dataDirectory;
    private final int postgresPort;
    private final int redisPort;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final CompletableFuture<EmbeddedPostgresServer> postgres;
    private final CompletableFuture<EmbeddedRedis> redis;
    /** Start-up reports, held back because Spring Boot initialises logging after we start; see {@link #awaitReady()}. */
    private final Queue<Consumer<Logger>> deferredLog = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private EmbeddedInfrastructure(Path dataDirectory, int postgresPort, int redisPort, boolean durable,
                                   FileChannel lockChannel, FileLock lock, boolean withPostgres, boolean withRedis) {
        this.dataDirectory = dataDirectory;
        this.postgresPort = postgresPort;
        this.redisPort = redisPort;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = withPostgres
                ? CompletableFuture.supplyAsync(() -> startPostgres(durable), daemon("embedded-postgres-start"))
                : CompletableFuture.completedFuture(null);
        this.redis = withRedis
                ? CompletableFuture.supplyAsync(() -> startRedis(durable), daemon("embedded-redis-start"))
                : CompletableFuture.completedFuture(null);
    }

    /**
     * Starts both servers in the background.
     *
     * @param dataDirectory kept between runs; created if missing
     * @param postgresPort  0 picks a free port
     * @param redisPort     0 picks a free port
     * @param durable       fsync commits and persist Redis (the arena); off for throw-away test data
     * @throws IllegalStateException if another live process already uses {@code dataDirectory}
     */
    public static EmbeddedInfrastructure start(Path dataDirectory, int postgresPort, int redisPort, boolean durable) {
        return start(dataDirectory, postgresPort, redisPort, durable, true, true);
    }

    /** As {@link #start(Path, int, int, boolean)}, starting only the servers asked for. */
    public static EmbeddedInfrastructure start(Path dataDirectory, int postgresPort, int redisPort, boolean durable,
                                               boolean withPostgres, boolean withRedis) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Data directory " + directory + " is in use by another running arena;"
                        + " stop it or choose another one with codearena.data-dir");
            }
            return new EmbeddedInfrastructure(directory, portOrFree(postgresPort), portOrFree(redisPort), durable,
                    channel, lock, withPostgres, withRedis);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare data directory " + directory, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private EmbeddedPostgresServer startPostgres(boolean durable) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(postgresPort, dataDirectory.resolve("postgres"), durable, note -> deferredLog.add(logger -> logger.warn(note)));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            deferredLog.add(logger -> logger.info("event=embedded-postgres-ready port={} dataDir={} tookMs={}",
                    postgresPort, dataDirectory.resolve("postgres"), tookMs));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start (log: "
                    + dataDirectory.resolve("postgres.log") + ")", e);
        }
    }

    private EmbeddedRedis startRedis(boolean durable) {
        long started = System.nanoTime();
        try {
            EmbeddedRedis server = EmbeddedRedis.start(redisPort, dataDirectory.resolve("redis"), durable, note -> deferredLog.add(logger -> logger.warn(note)));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            deferredLog.add(logger -> logger.info("event=embedded-redis-ready port={} dataDir={} tookMs={}",
                    redisPort, dataDirectory.resolve("redis"), tookMs));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis failed to start (log: "
                    + dataDirectory.resolve("redis/redis.log") + ")", e);
        }
    }

    /** Blocks until both servers accept connections; rethrows their start-up failure. */
    public EmbeddedInfrastructure awaitReady() {
        try {
            CompletableFuture.allOf(postgres, redis).join();
        } catch (CompletionException failed) {
            close();
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } finally {
            for (Consumer<Logger> entry = deferredLog.poll(); entry != null; entry = deferredLog.poll()) {
                entry.accept(log);
            }
        }
        return this;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int redisPort() {
        return redisPort;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops Redis and PostgreSQL (each flushes its data) and releases the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        // Redis first: nothing in Redis depends on PostgreSQL, and PostgreSQL is the slower one.
        stopQuietly(redis.handle((server, failure) -> server).join());
        stopQuietly(postgres.handle((server, failure) -> server).join());
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("event=data-dir-unlock-failed dir={}", dataDirectory, e);
        }
        log.info("event=embedded-infrastructure-stopped dataDir={} tookMs={}", dataDirectory,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void stopQuietly(AutoCloseable server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            log.warn("event=embedded-server-stop-failed server={}", server, e);
        }
    }

    private static int portOrFree(int port) throws IOException {
        if (port > 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static java.util.concurrent.Executor daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
