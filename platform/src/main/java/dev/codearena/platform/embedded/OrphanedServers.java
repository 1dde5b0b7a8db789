package dev.codearena.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stops a server left running by an earlier arena process that died without cleaning up
 * (kill -9, OOM, power cut). Such a server still holds its data directory and would make the
 * new one refuse to start. Only called while we hold the data directory's lock, so the process
 * named in the pid file cannot belong to a live arena. What it did is reported to {@code notes}
 * rather than logged: this runs before Spring Boot has initialised logging.
 */
final class OrphanedServers {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanedServers() {
    }

    /**
     * @param pidFile     first line holds the pid (postmaster.pid, redis.pid)
     * @param commandHint a word the process' command must contain, so a recycled pid of an
     *                    unrelated process is never signalled
     */
    static void stopIfRunning(Path pidFile, String commandHint, Consumer<String> notes) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
            String command = process.info().command().orElse("");
            if (!command.contains(commandHint)) {
                notes.accept("event=stale-pid-file file=" + pidFile + " pid=" + process.pid() + " command=" + command + " action=ignored");
                return;
            }
            notes.accept("event=orphaned-server-stopped file=" + pidFile + " pid=" + process.pid() + " command=" + command);
            process.destroy();
            try {
                process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notStoppedInTime) {
                notes.accept("event=orphaned-server-killed pid=" + process.pid());
                process.destroyForcibly();
            }
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(pidFile).stream().findFirst().map(String::trim)
                    .filter(line -> line.matches("\\d+")).map(Long::valueOf);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
