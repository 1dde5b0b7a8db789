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
}
