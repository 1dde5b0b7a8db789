package dev.codearena.judge;

import java.nio.file.Path;

/**
 * @param workDir            caches (compiled programs, PCH, supervisor, checkers) and session dirs
 * @param sandbox            sandbox name ({@code local}, {@code docker})
 * @param problemsRoot       base for relative {@code JudgeJob.testsDir}s
 * @param workerId           written into every {@code JudgeResult}
 * @param precompiledHeader  build and use the C++ precompiled {@code bits/stdc++.h}
 * @param compileTimeLimitMs CPU limit of one compilation (15 s by default, as in the seed)
 */
public record JudgeConfig(Path workDir, String sandbox, Path problemsRoot, String workerId,
                          boolean precompiledHeader, long compileTimeLimitMs) {

    public static final long DEFAULT_COMPILE_TIME_LIMIT_MS = 15_000;

    /** Work dir from {@code -Dcodearena.judge.work-dir}, {@code CODEARENA_JUDGE_WORK_DIR} or the temp dir. */
    public static JudgeConfig defaults(String sandbox) {
        String dir = System.getProperty("codearena.judge.work-dir", System.getenv("CODEARENA_JUDGE_WORK_DIR"));
        Path workDir = dir != null ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "codearena-judge");
        return new JudgeConfig(workDir.toAbsolutePath(), sandbox, Path.of("").toAbsolutePath(),
                "judge-" + ProcessHandle.current().pid(), true, DEFAULT_COMPILE_TIME_LIMIT_MS);
    }

    public JudgeConfig withSandbox(String name) {
        return new JudgeConfig(workDir, name, problemsRoot, workerId, precompiledHeader, compileTimeLimitMs);
    }

    public JudgeConfig withWorkDir(Path dir) {
        return new JudgeConfig(dir, sandbox, problemsRoot, workerId, precompiledHeader, compileTimeLimitMs);
    }

    public JudgeConfig withPrecompiledHeader(boolean enabled) {
        return new JudgeConfig(workDir, sandbox, problemsRoot, workerId, enabled, compileTimeLimitMs);
    }

    public JudgeConfig withProblemsRoot(Path root) {
        return new JudgeConfig(workDir, sandbox, root, workerId, precompiledHeader, compileTimeLimitMs);
    }
}
