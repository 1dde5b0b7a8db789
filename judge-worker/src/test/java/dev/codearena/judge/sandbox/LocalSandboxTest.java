package dev.codearena.judge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local sandbox's raw facts: limits are enforced and reported, the boundary holds. */
class LocalSandboxTest {

    static Sandbox sandbox;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("judge-sandbox-test");
        sandbox = LocalSandbox.create(new SandboxContext(work, SupervisorBinary.build(work)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static ResourceLimits limits(long cpuMs) {
        return new ResourceLimits(cpuMs, cpuMs * 2 + 500, 256 * 1024, 0, 0, 1 << 20, 16);
    }

    static RunSpec shell(String script, Path stdin, long cpuMs) {
        return new RunSpec(List.of("/bin/sh", "-c", script), Map.of("PATH", "/usr/bin:/bin"), stdin, limits(cpuMs), false);
    }

    @Test
    void runsEachTestAsFreshProcessWithStdinAndStdout(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("1.in"), "21\n");
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            for (int i = 0; i < 3; i++) {
                RunOutcome outcome = session.run(shell("read x; echo $((x*2)); id -u", input, 1000));
                assertThat(outcome.status()).isEqualTo(RunOutcome.Status.EXITED);
                List<String> lines = Files.readAllLines(outcome.stdout());
                assertThat(lines.get(0)).isEqualTo("42");
                assertThat(Integer.parseInt(lines.get(1))).isGreaterThanOrEqualTo(LocalSandbox.FIRST_UID);
            }
        }
    }

    @Test
    void killsCpuSpinAndSleepers(@TempDir Path dir) throws Exception {
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            // a generous wall limit: on a busy machine the spin may get little CPU per second
            RunOutcome spin = session.run(new RunSpec(List.of("/bin/sh", "-c", "while :; do :; done"), Map.of(), null,
                    new ResourceLimits(300, 30_000, 256 * 1024, 0, 0, 1 << 20, 16), false));
            assertThat(spin.status()).isEqualTo(RunOutcome.Status.CPU_TIME);
            RunOutcome sleeper = session.run(shell("sleep 100", null, 300));
            assertThat(sleeper.status()).isEqualTo(RunOutcome.Status.WALL_TIME);
            assertThat(sleeper.wallMs()).isBetween(1100L, 3000L);
        }
    }

    @Test
    void cannotSeeHostFilesOrTheIoDir(@TempDir Path dir) throws Exception {
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            RunOutcome outcome = session.run(shell(
                    "cat /etc/shadow || echo noshadow; ls /io || echo noio; touch /prog/x || echo noprog;"
                            + " ls " + work + " || echo nowork; echo hi > /tmp/ok && cat /tmp/ok", null, 1000));
            String out = Files.readString(outcome.stdout());
            assertThat(out).contains("noshadow", "noio", "noprog", "nowork", "hi");
        }
    }

    /**
     * The supervisor on its own, without cgroups (as in a container whose cgroup fs is read-only):
     * the protocol works and a daemon left behind by setsid is still found and killed.
     */
    @Test
    void supervisorWithoutCgroupsKillsLeftoverDaemons(@TempDir Path dir) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Process process = new ProcessBuilder(SupervisorBinary.build(work).binary().toString(),
                "--uid", "62999", "--gid", "62999", "--scratch", scratch.toString()).start();
        try {
            SupervisorClient client = new SupervisorClient(process.getOutputStream(), process.getInputStream());
            SupervisorClient.Ready ready = client.awaitReady();
            assertThat(ready.memoryCgroup()).isFalse();
            SupervisorClient.Report report = client.run(new SupervisorClient.Request(
                    List.of("/bin/sh", "-c", "setsid sleep 1000 & echo started"), Map.of("PATH", "/usr/bin:/bin"), null,
                    dir.resolve("out").toString(), null, scratch.toString(), limits(1000)));
            assertThat(report.status()).isEqualTo("exited");
            assertThat(Files.readString(dir.resolve("out"))).contains("started");
            assertThat(JudgeProcesses.withUid(62999)).isEmpty();
            client.quit();
            assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Warm sessions: started ahead of need, never more than asked for, each given to one open()
     * with that open's program dir (only its files) and a fresh scratch, and all gone after close.
     */
    @Test
    void warmSessionsServeOneOpenEachAndCloseCleanly(@TempDir Path dir) throws Exception {
        Path ownWork = Files.createDirectories(dir.resolve("work"));
        LocalSandbox pooled = LocalSandbox.create(new SandboxContext(ownWork, SupervisorBinary.build(work)));
        try {
            pooled.keepWarm(1 << 20, 2);
            pooled.keepWarm(1 << 20, 2);
            awaitWarm(pooled, 2);
            Thread.sleep(200);
            assertThat(pooled.warmCount()).isEqualTo(2);

            Path first = Files.createDirectories(dir.resolve("first"));
            Files.writeString(first.resolve("data"), "one\n");
            Path second = Files.createDirectories(dir.resolve("second"));
            Files.writeString(second.resolve("other"), "two\n");
            List<String> firstOut;
            try (SandboxSession session = pooled.open(new SessionSpec(null, first, false, 1 << 20, null))) {
                assertThat(pooled.warmCount()).isLessThan(2);
                RunOutcome outcome = session.run(shell("ls /prog; cat /prog/data; touch /prog/x || echo noprog;"
                        + " ls -A /tmp; echo left > /tmp/left; id -u", null, 1000));
                firstOut = Files.readAllLines(outcome.stdout());
                assertThat(firstOut).containsExactly("data", "one", "noprog", firstOut.get(3));
            }
            try (SandboxSession session = pooled.open(new SessionSpec(null, second, false, 1 << 20, null))) {
                RunOutcome outcome = session.run(shell("ls /prog; ls -A /tmp; id -u", null, 1000));
                List<String> lines = Files.readAllLines(outcome.stdout());
                assertThat(lines).hasSize(2);
                assertThat(lines.get(0)).isEqualTo("other");
                assertThat(lines.get(1)).isNotEqualTo(firstOut.get(3));
            }
            // another shape (a writable program dir) starts its own session, as before
            Path compile = Files.createDirectories(dir.resolve("compile"));
            try (SandboxSession session = pooled.open(new SessionSpec(null, compile, true, 1 << 20, null))) {
                RunOutcome outcome = session.run(shell("touch /prog/made && echo made", null, 1000));
                assertThat(Files.readString(outcome.stdout())).contains("made");
            }
            assertThat(compile.resolve("made")).exists();
            awaitWarm(pooled, 2);
        } finally {
            pooled.close();
        }
        assertThat(pooled.warmCount()).isZero();
        try (var left = Files.list(ownWork.resolve("sessions"))) {
            assertThat(left.toList()).as("session dirs left after close").isEmpty();
        }
    }

    private static void awaitWarm(LocalSandbox sandbox, int count) throws InterruptedException {
        for (int i = 0; i < 600 && sandbox.warmCount() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(sandbox.warmCount()).isEqualTo(count);
    }

    /** Live processes of a uid, from /proc. */
    static final class JudgeProcesses {
        static List<String> withUid(int uid) throws java.io.IOException {
            List<String> found = new java.util.ArrayList<>();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        for (String line : Files.readAllLines(proc.resolve("status"))) {
                            if (line.startsWith("Uid:") && Integer.parseInt(line.split("\\s+")[1]) == uid) {
                                found.add(proc.getFileName().toString());
                            }
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // ended while we looked
                    }
                }
            }
            return found;
        }
    }
}
