package dev.codearena.platform.embedded;

import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real redis-server (the binary shipped in the embedded-redis artifact) run as a child
 * process. We start the process ourselves instead of using embedded-redis' {@code RedisServer}
 * because that one registers a JVM shutdown hook which kills Redis while Spring is still
 * shutting down; here the Spring context decides when Redis stops.
 */
final class EmbeddedRedis implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final Path dataDirectory;
    private Process process;

    private EmbeddedRedis(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts Redis keeping its data in {@code dataDirectory}: an append-only file (fsync every
     * second) plus RDB snapshots, so live state survives a restart of the arena.
     */
    static EmbeddedRedis start(int port, Path dataDirectory, boolean persistent, Consumer<String> notes) throws IOException {
        Files.createDirectories(dataDirectory);
        Path pidFile = dataDirectory.resolve("redis.pid");
        OrphanedServers.stopIfRunning(pidFile, "redis", notes);
        EmbeddedRedis redis = new EmbeddedRedis(port, dataDirectory);
        redis.launch(pidFile, persistent);
        return redis;
    }

    private void launch(Path pidFile, boolean persistent) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dataDirectory.toAbsolutePath().toString(),
                "--pidfile", pidFile.toAbsolutePath().toString(),
                "--logfile", dataDirectory.resolve("redis.log").toAbsolutePath().toString(),
                "--daemonize", "no", "--protected-mode", "yes"));
        if (persistent) {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec",
                    "--save", "900 1", "--save", "300 10", "--save", "60 10000"));
        } else {
            command.addAll(List.of("--appendonly", "no", "--save", ""));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("redis.out").toFile()))
                .start();
        awaitPong();
    }

    /**
     * The redis-server binary for this OS and CPU, extracted once per machine into
     * {@code java.io.tmpdir/codearena-redis/} (embedded-redis would copy 10 MB into a fresh temp
     * directory on every start, and leave it behind after a kill -9).
     */
    private static Path executable() throws IOException {
        String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
        if (resource == null) {
            throw new IOException("embedded-redis has no redis-server for " + OsArchitecture.detectOSandArchitecture());
        }
        String fileName = Path.of(resource).getFileName().toString();
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "codearena-redis");
        Path target = directory.resolve(fileName);
        if (Files.isExecutable(target)) {
            return target;
        }
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, fileName, ".partial");
        try (InputStream in = EmbeddedRedis.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
            if (in == null) {
                throw new IOException("redis-server resource " + resource + " not on the classpath");
            }
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        partial.toFile().setExecutable(true, false);
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raceLostOrNotAtomic) {
            Files.deleteIfExists(partial);
            if (!Files.isExecutable(target)) {
                throw raceLostOrNotAtomic;
            }
        }
        return target;
    }

    /** Redis accepts connections while it is still loading its data; PONG means it is serving. */
    private void awaitPong() throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue()
                        + " during start-up; see " + dataDirectory.resolve("redis.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                socket.setSoTimeout(500);
                OutputStream out = socket.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] reply = new byte[64];
                int read = in.read(reply);
                if (read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet;
            }
            sleep(50);
        }
        close();
        throw new IOException("redis-server did not answer PING on port " + port + " within " + STARTUP_TIMEOUT, last);
    }

    int port() {
        return port;
    }

    /** SIGTERM: Redis flushes the append-only file and writes a final snapshot, then exits. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
