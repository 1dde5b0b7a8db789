package dev.codearena.platform.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops a server left running by an earlier arena process that died without cleaning up
 * (kill -9, OOM, power cut). Such a server still holds its data directory and would make the
 * new one refuse to start. Only called while we hold the data directory's lock, so the process
 * named in the pid file cannot belong to a live arena.
 */
final class OrphanedServers {

    private static final Logger log = LoggerFactory.getLogger(OrphanedServers.class);
    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanedServers() {
    }

    /**
     * @param pidFile     first line holds the pid (postmaster.pid, redis.pid)
     * @param commandHint a word the process' command must contain, so a recycled pid of an
     *                    unrelated process is never signalled
     */
    static void stopIfRunning(Path pidFile, String commandHint) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
            String command = process.info().command().orElse("");
            if (!command.contains(commandHint)) {
                log.info("event=stale-pid-file file={} pid={} command={} action=ignored", pidFile, process.pid(), command);
                return;
            }
            log.warn("event=orphaned-server-found file={} pid={} command={} action=stopping", pidFile, process.pid(), command);
            process.destroy();
            try {
                process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notStoppedInTime) {
                log.warn("event=orphaned-server-kill pid={}", process.pid());
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
