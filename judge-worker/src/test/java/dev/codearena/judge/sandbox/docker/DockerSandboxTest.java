package dev.codearena.judge.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.judge.sandbox.ResourceLimits;
import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.SandboxContext;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.SandboxUnavailableException;
import dev.codearena.judge.sandbox.SessionSpec;
import dev.codearena.judge.sandbox.SupervisorBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker sandbox's raw facts against a real engine and the real runner image. */
class DockerSandboxTest {

    static DockerSandbox sandbox;
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("docker-sandbox-test");
        try {
            sandbox = DockerSandbox.create(new SandboxContext(work, SupervisorBinary.build(work)));
        } catch (SandboxUnavailableException e) {
            DockerRequirement.unavailable(e);
        }
        sandbox.awaitWarm(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static ResourceLimits limits(long cpuMs) {
        return limits(cpuMs, cpuMs * 2 + 500);
    }

    static ResourceLimits limits(long cpuMs, long wallMs) {
        return new ResourceLimits(cpuMs, wallMs, 256 * 1024, 0, 0, 1 << 20, 16);
    }

    static RunSpec shell(String script, Path stdin, long cpuMs) {
        return shell(script, stdin, limits(cpuMs));
    }

    static RunSpec shell(String script, Path stdin, ResourceLimits limits) {
        return new RunSpec(List.of("/bin/sh", "-c", script), Map.of("PATH", "/usr/bin:/bin"), stdin, limits, false);
    }

    static SessionSpec readOnly(Path dir) {
        return new SessionSpec(null, dir, false, 1 << 20, null);
    }

    @Test
    void runsEachTestAsFreshProcessWithStdinAndStdout(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("1.in"), "21\n");
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            for (int i = 0; i < 3; i++) {
                RunOutcome outcome = session.run(shell("read x; echo $((x*2)); id -u; echo $$", input, 1000));
                assertThat(outcome.status()).isEqualTo(RunOutcome.Status.EXITED);
                List<String> lines = Files.readAllLines(outcome.stdout());
                assertThat(lines.get(0)).isEqualTo("42");
                assertThat(Integer.parseInt(lines.get(1))).isGreaterThanOrEqualTo(100_000);
            }
        }
    }

    @Test
    void killsCpuSpinAndSleepers(@TempDir Path dir) throws Exception {
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            // a generous wall limit: on a loaded machine the spinner must still die of CPU time
            RunOutcome spin = session.run(shell("while :; do :; done", null, limits(300, 15_000)));
            assertThat(spin.status()).isEqualTo(RunOutcome.Status.CPU_TIME);
            RunOutcome sleeper = session.run(shell("sleep 100", null, 300));
            assertThat(sleeper.status()).isEqualTo(RunOutcome.Status.WALL_TIME);
            assertThat(sleeper.wallMs()).isBetween(1100L, 3000L);
        }
    }

    @Test
    void boundaryHoldsNoHostFilesNoIoDirNoNetworkReadOnlyRoot(@TempDir Path dir) throws Exception {
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            RunOutcome outcome = session.run(shell(
                    "cat /etc/shadow || echo noshadow; ls /io || echo noio; touch /prog/x || echo noprog;"
                            + " ls " + work + " || echo nowork; touch /usr/x || echo noroot; touch /var/tmp/x || echo novar;"
                            + " cat /proc/1/environ || echo noenviron;"
                            + " python3 -c 'import socket; socket.create_connection((\"127.0.0.1\", 22), 1)' 2>/dev/null || echo nonet;"
                            + " grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/self/status;"
                            + " echo hi > /tmp/ok && cat /tmp/ok", null, 2000));
            String out = Files.readString(outcome.stdout());
            assertThat(out).contains("noshadow", "noio", "noprog", "nowork", "noroot", "novar", "noenviron", "nonet", "hi");
            assertThat(out).contains("CapEff:\t0000000000000000").contains("NoNewPrivs:\t1").contains("Seccomp:\t2");
        }
    }

    @Test
    void scratchIsEmptiedBetweenRunsAndProgramDirIsStagedReadOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.sh"), "echo from-prog\n");
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            session.run(shell("echo secret > /tmp/state", null, 1000));
            RunOutcome second = session.run(shell("cat /tmp/state || echo clean; sh /prog/main.sh; rm -f /prog/main.sh || echo keep", null, 1000));
            assertThat(Files.readString(second.stdout())).contains("clean", "from-prog", "keep");
        }
    }

    @Test
    void compileSessionsWriteTheProgramDirBack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("main.c"), "#include <stdio.h>\nint main(void){puts(\"built\");return 0;}\n");
        try (SandboxSession compile = sandbox.open(new SessionSpec(null, dir, true, 64 << 20, null))) {
            RunOutcome outcome = compile.run(new RunSpec(List.of("/usr/bin/gcc", "-O2", "-o", "/prog/main", "/prog/main.c"),
                    Map.of("PATH", "/usr/bin:/bin"), null, new ResourceLimits(10_000, 20_000, 512 * 1024, 0, 0, 64 << 20, 32), true));
            assertThat(outcome.succeeded()).as(Files.readString(outcome.stdout())).isTrue();
        }
        assertThat(dir.resolve("main")).isExecutable();
        try (SandboxSession run = sandbox.open(readOnly(dir))) {
            RunOutcome outcome = run.run(new RunSpec(List.of("/prog/main"), Map.of(), null, limits(1000), false));
            assertThat(Files.readString(outcome.stdout())).isEqualTo("built\n");
        }
    }

    @Test
    void forkBombIsContainedAndTheNextRunIsNormal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bomb.py"), "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n");
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            RunOutcome bomb = session.run(new RunSpec(List.of("/usr/bin/python3", "/prog/bomb.py"),
                    Map.of(), null, limits(1000), false));
            assertThat(bomb.status()).isIn(RunOutcome.Status.CPU_TIME, RunOutcome.Status.WALL_TIME);
            RunOutcome next = session.run(shell("echo alive", null, 1000));
            assertThat(Files.readString(next.stdout())).isEqualTo("alive\n");
        }
    }

    @Test
    void eachSessionGetsAFreshContainer(@TempDir Path dir) throws Exception {
        String first;
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            first = Files.readString(session.run(shell("cat /proc/self/cgroup | head -1", null, 1000)).stdout());
        }
        try (SandboxSession session = sandbox.open(readOnly(dir))) {
            String second = Files.readString(session.run(shell("cat /proc/self/cgroup | head -1", null, 1000)).stdout());
            assertThat(second).isNotEqualTo(first);
        }
    }
}
