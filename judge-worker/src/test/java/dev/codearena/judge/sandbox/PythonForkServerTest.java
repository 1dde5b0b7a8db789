package dev.codearena.judge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python tests forked from the supervisor's fork server must be indistinguishable from
 * {@code python3 -B /prog/main.py} started anew, for the program and for the verdict: same start-up
 * state, same exit codes and tracebacks, same limits; and a program that kills, stops or pokes at the
 * server gets its own result while the next test still runs correctly.
 */
class PythonForkServerTest {

    static LocalSandbox sandbox;
    static Path work;
    static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/tmp", "LANG", "C.UTF-8", "TMPDIR", "/tmp");

    @BeforeAll
    static void start() throws Exception {
        work = Files.createTempDirectory("judge-fork-server-test");
        sandbox = LocalSandbox.create(new SandboxContext(work, SupervisorBinary.build(work)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static ResourceLimits limits(long cpuMs, long memoryKb) {
        return new ResourceLimits(cpuMs, cpuMs * 2 + 1000, memoryKb, 0, memoryKb * 7 / 8, 1 << 20, 64);
    }

    static RunSpec python(Path stdin, boolean forkServer, ResourceLimits limits) {
        return new RunSpec(List.of("/usr/bin/python3", "-B", "/prog/main.py"), ENV, stdin, limits, false, forkServer);
    }

    record Run(RunOutcome outcome, String stdout, String stderr) {
    }

    /** A program dir the sandbox's uid can read (a @TempDir is 0700). */
    static Path programDir(Path dir) throws Exception {
        Path prog = Files.createDirectories(dir.resolve("prog"));
        Files.setPosixFilePermissions(prog, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return prog;
    }

    static Run run(SandboxSession session, Path stdin, boolean forkServer, ResourceLimits limits) throws Exception {
        RunOutcome outcome = session.run(python(stdin, forkServer, limits));
        return new Run(outcome, Files.readString(outcome.stdout()), Files.readString(outcome.stderr()));
    }

    /** What a program can see of its start-up; the last line (a str hash) tells a forked run from a fresh one. */
    static final String INTROSPECT = """
            import sys, os
            print(sys.argv, __file__, __name__, __package__, __spec__, __cached__, type(__loader__).__name__)
            print(sys.path)
            print(sorted(sys.modules))
            print(sorted(os.environ.items()), os.getcwd(), sys.flags, sys.orig_argv)
            print(sorted(k for k in globals()), [type(f).__name__ for f in sys.meta_path], sys.getrecursionlimit())
            print(sys.stdin.name, sys.stdout.line_buffering, sys.stdout.encoding, sys.stdin.readline().strip())
            print(sorted(os.listdir('/proc/self/fd')), os.getpgid(0) == os.getpid(), open('/proc/self/status').read().count('\\n'))
            def depth(n):
                try:
                    return depth(n + 1)
                except RecursionError:
                    return n
            print(depth(1))
            print(hash('fork server?'), file=sys.stderr)
            exit(3)
            """;

    @Test
    void aForkedTestSeesWhatAFreshInterpreterSees(@TempDir Path temp) throws Exception {
        Path dir = programDir(temp);
        Files.writeString(dir.resolve("main.py"), INTROSPECT);
        Path input = Files.writeString(dir.resolve("in"), "the input\n");
        List<Run> forked = new ArrayList<>();
        Run fresh;
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            for (int i = 0; i < 3; i++) {
                forked.add(run(session, input, true, limits(2000, 256 * 1024)));
            }
        }
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            fresh = run(session, input, false, limits(2000, 256 * 1024));
        }
        assertThat(fresh.outcome().exitCode()).as(fresh.stderr()).isEqualTo(3);
        assertThat(fresh.stdout()).contains("the input");
        for (Run run : forked) {
            assertThat(run.outcome().status()).isEqualTo(RunOutcome.Status.EXITED);
            assertThat(run.outcome().exitCode()).as(run.stderr()).isEqualTo(3);
            assertThat(run.stdout()).isEqualTo(fresh.stdout());
        }
        // one hash seed for the runs of a session: they were forked from one server
        assertThat(forked).extracting(Run::stderr).containsOnly(forked.get(0).stderr());
        // and its start-up was not charged to them
        assertThat(forked.get(2).outcome().cpuMs()).isLessThan(fresh.outcome().cpuMs() + 5);
    }

    @Test
    void exitCodesTracebacksAndLimitsAreAsForAFreshInterpreter(@TempDir Path temp) throws Exception {
        Path dir = programDir(temp);
        Path input = Files.writeString(dir.resolve("in"), "7\n");
        Map<String, String> programs = new java.util.LinkedHashMap<>();
        programs.put("raise", "def f():\n    raise ValueError('bad ' + input())\nf()\n");
        programs.put("exit-text", "import sys\nprint('partial')\nsys.exit('goodbye')\n");
        programs.put("quit", "print(int(input()) * 6)\nquit()\nprint('never')\n");
        programs.put("memory", "x = bytearray(400 * 1024 * 1024)\nprint(len(x))\n");
        programs.put("memory-error", "x = [0] * (10 ** 10)\n");
        programs.put("recursion", "import sys\nsys.setrecursionlimit(10 ** 6)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(200000))\n");
        programs.put("spin", "while True:\n    pass\n");
        programs.put("sleep", "import time\ntime.sleep(60)\n");
        programs.put("output", "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n");
        programs.put("fork-bomb", "import os\nn = 0\ntry:\n    while True:\n        if os.fork() == 0:\n            import time\n            time.sleep(30)\n            os._exit(0)\n        n += 1\nexcept OSError as e:\n    print('stopped after', n)\n");
        programs.put("atexit", "import atexit\natexit.register(lambda: print('bye'))\nprint('hi', end='')\n");
        for (Map.Entry<String, String> program : programs.entrySet()) {
            Files.writeString(dir.resolve("main.py"), program.getValue());
            ResourceLimits limits = limits(500, 256 * 1024);
            if (program.getKey().equals("spin")) { // a busy machine may give the spin little CPU per second
                limits = new ResourceLimits(500, 30_000, 256 * 1024, 0, 224 * 1024, 1 << 20, 64);
            } else if (program.getKey().equals("memory")) { // reclaim before the OOM kill can take a while
                limits = new ResourceLimits(5000, 30_000, 256 * 1024, 0, 224 * 1024, 1 << 20, 64);
            }
            Run fresh;
            Run forked;
            Run forkedAgain;
            try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
                fresh = run(session, input, false, limits);
            }
            try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
                forked = run(session, input, true, limits);
                forkedAgain = run(session, input, true, limits);
            }
            String name = program.getKey();
            assertThat(fresh.stderr()).as(name).doesNotContain("can't open file");
            assertThat(fresh.outcome().status()).as(name + " " + fresh).isNotEqualTo(RunOutcome.Status.ERROR);
            for (Run run : List.of(forked, forkedAgain)) {
                assertThat(run.outcome().status()).as(name + " " + run).isEqualTo(fresh.outcome().status());
                assertThat(run.outcome().exitCode()).as(name).isEqualTo(fresh.outcome().exitCode());
                assertThat(run.outcome().signal()).as(name).isEqualTo(fresh.outcome().signal());
                assertThat(run.outcome().memoryLimitHit()).as(name).isEqualTo(fresh.outcome().memoryLimitHit());
                assertThat(run.outcome().outputLimitHit()).as(name).isEqualTo(fresh.outcome().outputLimitHit());
                if (!name.equals("output")) {
                    assertThat(run.stdout()).as(name).isEqualTo(fresh.stdout());
                }
                assertThat(run.stderr()).as(name).isEqualTo(fresh.stderr());
            }
        }
    }

    /** Kills, stops or inspects the other processes of its uid (the fork server), then answers. */
    static final String HOSTILE = """
            import os, signal, sys
            mode = input().strip()
            me = os.getpid()
            others = []
            for name in os.listdir('/proc'):
                if name.isdigit() and int(name) != me:
                    try:
                        with open('/proc/%s/status' % name) as status:
                            if ('Uid:\\t%d\\t' % os.getuid()) in status.read():
                                others.append(int(name))
                    except OSError:
                        pass
            if mode == 'plant':
                site = '/tmp/.local/lib/python%d.%d/site-packages' % sys.version_info[:2]
                os.makedirs(site)
                with open(site + '/usercustomize.py', 'w') as hook:
                    hook.write('print("left by an earlier test")\\n')
            for pid in others:
                try:
                    if mode in ('kill', 'plant'):
                        os.kill(pid, signal.SIGKILL)
                    elif mode == 'stop':
                        os.kill(pid, signal.SIGSTOP)
                    elif mode == 'peek':
                        open('/proc/%d/mem' % pid, 'rb').read(1)
                        print('read the memory of', pid)
                except OSError as e:
                    print('denied', type(e).__name__)
            print('answer', mode, len(others) > 0, [p for p in sys.path if p.startswith('/tmp')])
            """;

    @Test
    void aProgramThatAttacksTheServerGetsItsOwnResultAndTheNextTestAFreshServer(@TempDir Path temp) throws Exception {
        Path dir = programDir(temp);
        Files.writeString(dir.resolve("main.py"), HOSTILE);
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            for (String mode : List.of("peek", "kill", "none", "stop", "none", "plant", "none", "kill", "none")) {
                Path input = Files.writeString(dir.resolve("in-" + mode), mode + "\n");
                Run run = run(session, input, true, limits(2000, 256 * 1024));
                assertThat(run.outcome().status()).as(mode + " " + run).isEqualTo(RunOutcome.Status.EXITED);
                assertThat(run.outcome().exitCode()).as(run.stderr()).isZero();
                // the server is running before every test: the program always finds it
                // ... and it started on an empty scratch: no user site dir an earlier test left is on its path
                assertThat(run.stdout()).as(mode).endsWith("answer " + mode + " True []\n");
                assertThat(run.stdout()).doesNotContain("read the memory").doesNotContain("left by an earlier test");
            }
        }
    }

    /**
     * Changes what it may change in the other processes of its uid without ptrace rights (limits,
     * priority, scheduling, CPU affinity), or reports its own; forked tests would inherit the changes.
     */
    static final String TAMPER = """
            import os, resource, sys
            mode = input().strip()
            me = os.getpid()
            if mode == 'tamper':
                for name in os.listdir('/proc'):
                    if name.isdigit() and int(name) != me:
                        pid = int(name)
                        for change in (lambda: resource.prlimit(pid, resource.RLIMIT_FSIZE, (100, 100)),
                                       lambda: resource.prlimit(pid, resource.RLIMIT_NOFILE, (3, 3)),
                                       lambda: os.setpriority(os.PRIO_PROCESS, pid, 19),
                                       lambda: os.sched_setaffinity(pid, {0}),
                                       lambda: os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))):
                            try:
                                change()
                            except OSError:
                                pass
            print(mode, resource.getrlimit(resource.RLIMIT_FSIZE), resource.getrlimit(resource.RLIMIT_NOFILE)[0] > 3,
                  os.getpriority(os.PRIO_PROCESS, 0), sorted(os.sched_getaffinity(0)) == sorted(range(os.cpu_count())),
                  os.sched_getscheduler(0))
            """;

    @Test
    void aProgramThatChangesTheServersLimitsOrPriorityDoesNotPassThemOnToTheNextTest(@TempDir Path temp) throws Exception {
        Path dir = programDir(temp);
        Files.writeString(dir.resolve("main.py"), TAMPER);
        Path report = Files.writeString(dir.resolve("in-report"), "report\n");
        Path tamper = Files.writeString(dir.resolve("in-tamper"), "tamper\n");
        try (SandboxSession session = sandbox.open(new SessionSpec(null, dir, false, 1 << 20, null))) {
            Run before = run(session, report, true, limits(2000, 256 * 1024));
            assertThat(before.outcome().status()).as(before.toString()).isEqualTo(RunOutcome.Status.EXITED);
            assertThat(before.outcome().exitCode()).as(before.stderr()).isZero();
            for (int round = 0; round < 2; round++) {
                Run tampering = run(session, tamper, true, limits(2000, 256 * 1024));
                assertThat(tampering.outcome().exitCode()).as(tampering.stderr()).isZero();
                Run after = run(session, report, true, limits(2000, 256 * 1024));
                assertThat(after.outcome().status()).as(after.toString()).isEqualTo(RunOutcome.Status.EXITED);
                assertThat(after.outcome().exitCode()).as(after.stderr()).isZero();
                assertThat(after.stdout()).isEqualTo(before.stdout());
            }
        }
    }
}
