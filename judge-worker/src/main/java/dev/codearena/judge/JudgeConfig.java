package dev.codearena.judge;

import java.nio.file.Path;

/**
 * @param workDir            caches (compiled programs, PCH, supervisor, checkers) and session dirs
 * @param sandbox            sandbox name ({@code local}, {@code docker})
 * @param problemsRoot       base for relative {@code JudgeJob.testsDir}s
 * @param workerId           written into every {@code JudgeResult}
 * @param precompiledHeader  build and use the C++ precompiled {@code bits/stdc++.h}
 * @param compileTimeLimitMs CPU limit of one compilation (15 s by default, as in the seed)
 * @param testSessions       sandbox sessions one submission's tests are spread over, run side by side
 *                           (each session runs one test at a time, with its own memory and pids
 *                           cgroup); see {@link #defaultTestSessions}
 * @param warmSessions       run sessions the sandbox keeps started ahead of need (0: none); see
 *                           {@link #defaultWarmSessions}
 */
public record JudgeConfig(Path workDir, String sandbox, Path problemsRoot, String workerId,
                          boolean precompiledHeader, long compileTimeLimitMs, int testSessions, int warmSessions) {

    public JudgeConfig {
        if (testSessions < 1) {
            throw new IllegalArgumentException("testSessions must be >= 1, was " + testSessions);
        }
        if (warmSessions < 0) {
            throw new IllegalArgumentException("warmSessions must be >= 0, was " + warmSessions);
        }
    }

    /**
     * Enough for two submissions judged at once, each taking one session for its syntax check and
     * {@code testSessions} for its tests; the local sandbox only (Docker keeps its own container pool).
     */
    public static int defaultWarmSessions(String sandbox, int testSessions) {
        return "local".equals(sandbox) ? 2 * (testSessions + 1) : 0;
    }

    /**
     * Two sessions on a machine with two or more cores for the local sandbox, so one submission's
     * tests use two cores when the machine has them free (on a busy machine they only share the
     * cores with everything else: the CPU time each test is charged is its own process's, not the
     * wall clock, so a test's verdict does not depend on its neighbour). One for Docker, where every
     * session is a container taken from a small pool that refills slowly.
     */
    public static int defaultTestSessions(String sandbox) {
        return "docker".equals(sandbox) ? 1 : Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    public static final long DEFAULT_COMPILE_TIME_LIMIT_MS = 15_000;

    /** Work dir from {@code -Dcodearena.judge.work-dir}, {@code CODEARENA_JUDGE_WORK_DIR} or the temp dir. */
    public static JudgeConfig defaults(String sandbox) {
        String dir = System.getProperty("codearena.judge.work-dir", System.getenv("CODEARENA_JUDGE_WORK_DIR"));
        Path workDir = dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "codearena-judge");
        return new JudgeConfig(workDir.toAbsolutePath(), sandbox, Path.of("").toAbsolutePath(),
                "judge-" + ProcessHandle.current().pid(), true, DEFAULT_COMPILE_TIME_LIMIT_MS, defaultTestSessions(sandbox),
                defaultWarmSessions(sandbox, defaultTestSessions(sandbox)));
    }

    /** Another sandbox, with that sandbox's default number of test sessions. */
    public JudgeConfig withSandbox(String name) {
        return new JudgeConfig(workDir, name, problemsRoot, workerId, precompiledHeader, compileTimeLimitMs, defaultTestSessions(name),
                defaultWarmSessions(name, defaultTestSessions(name)));
    }

    /** Another number of test sessions, with the warm pool sized for it ({@link #withWarmSessions} afterwards overrides). */
    public JudgeConfig withTestSessions(int sessions) {
        return new JudgeConfig(workDir, sandbox, problemsRoot, workerId, precompiledHeader, compileTimeLimitMs, sessions,
                defaultWarmSessions(sandbox, sessions));
    }

    public JudgeConfig withWarmSessions(int sessions) {
        return new JudgeConfig(workDir, sandbox, problemsRoot, workerId, precompiledHeader, compileTimeLimitMs, testSessions, sessions);
    }

    public JudgeConfig withWorkDir(Path dir) {
        return new JudgeConfig(dir, sandbox, problemsRoot, workerId, precompiledHeader, compileTimeLimitMs, testSessions, warmSessions);
    }

    public JudgeConfig withPrecompiledHeader(boolean enabled) {
        return new JudgeConfig(workDir, sandbox, problemsRoot, workerId, enabled, compileTimeLimitMs, testSessions, warmSessions);
    }

    public JudgeConfig withProblemsRoot(Path root) {
        return new JudgeConfig(workDir, sandbox, root, workerId, precompiledHeader, compileTimeLimitMs, testSessions, warmSessions);
    }
}
