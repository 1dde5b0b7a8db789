package dev.codearena.judge;

import dev.codearena.api.judge.CompileResult;
import dev.codearena.judge.language.LanguageDefinition;
import dev.codearena.judge.sandbox.ResourceLimits;
import dev.codearena.judge.sandbox.RunOutcome;
import dev.codearena.judge.sandbox.RunSpec;
import dev.codearena.judge.sandbox.Sandbox;
import dev.codearena.judge.sandbox.SandboxException;
import dev.codearena.judge.sandbox.SandboxLayout;
import dev.codearena.judge.sandbox.SandboxSession;
import dev.codearena.judge.sandbox.SessionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Compiles inside the sandbox (a compiler is attack surface too: {@code #include </dev/random>},
 * template bombs) and caches the program dir by (language, flags, sha256(source)), so a source
 * compiled before costs a directory lookup. Deterministic compile errors are cached as well.
 */
final class Compiler {

    static final int MESSAGE_LIMIT = 4000;
    static final long COMPILE_MEMORY_KB = 1024 * 1024;
    static final long COMPILE_OUTPUT_BYTES = 128L << 20;
    static final long COMPILE_SCRATCH_BYTES = 256L << 20;

    /** The compiled program (null when compilation failed) and what to tell the player. */
    record Compiled(CompileResult result, Path programDir) {
    }

    private final Path cacheDir;
    private final Path stagingDir;
    private final Sandbox sandbox;
    private final long timeLimitMs;

    Compiler(Path workDir, Sandbox sandbox, long timeLimitMs) throws IOException {
        this.cacheDir = Files.createDirectories(workDir.resolve("compiled"));
        this.stagingDir = Files.createDirectories(workDir.resolve("staging"));
        this.sandbox = sandbox;
        this.timeLimitMs = timeLimitMs;
    }

    /** The cached result of compiling this source before, or null if there is none. */
    Compiled cached(LanguageDefinition language, String source) throws IOException {
        String key = key(language, source);
        Path programDir = cacheDir.resolve(key);
        Path resultFile = cacheDir.resolve(key + ".result");
        if (Files.isRegularFile(resultFile)) {
            String cached = Files.readString(resultFile);
            boolean success = cached.startsWith("ok\n");
            if (!success || Files.isDirectory(programDir)) {
                return new Compiled(new CompileResult(success, cached.substring(3), 0, true), success ? programDir : null);
            }
        }
        return null;
    }

    /**
     * A fresh directory holding only the source, for running a program whose compile step is a
     * mere check ({@link LanguageDefinition#compileOnlyChecks}) while that check runs; the caller deletes it.
     */
    Path stageSource(LanguageDefinition language, String source) throws IOException {
        Path dir = Files.createDirectories(stagingDir.resolve(UUID.randomUUID().toString()));
        Files.writeString(dir.resolve(language.sourceFile()), source);
        return dir;
    }

    Compiled compile(LanguageDefinition language, String source, boolean useCache) throws SandboxException, IOException {
        String key = key(language, source);
        Path programDir = cacheDir.resolve(key);
        Path resultFile = cacheDir.resolve(key + ".result");
        if (useCache) {
            Compiled cached = cached(language, source);
            if (cached != null) {
                return cached;
            }
        }
        Path staging = Files.createDirectories(stagingDir.resolve(UUID.randomUUID().toString()));
        try {
            Files.writeString(staging.resolve(language.sourceFile()), source);
            long start = System.nanoTime();
            RunOutcome outcome;
            String output;
            // a mere check reads the source and writes nothing: a run-shaped session (read-only
            // program dir), which the sandbox may have started ahead of need
            SessionSpec spec = language.compileOnlyChecks()
                    ? new SessionSpec(language.language(), staging, false, Judge.RUN_SCRATCH_BYTES, null)
                    : new SessionSpec(language.language(), staging, true, COMPILE_SCRATCH_BYTES, language.compileExtraDir());
            try (SandboxSession session = sandbox.open(spec)) {
                outcome = session.run(new RunSpec(language.compileCommand(), language.environment(), null,
                        new ResourceLimits(timeLimitMs, timeLimitMs, COMPILE_MEMORY_KB, 0, 0, COMPILE_OUTPUT_BYTES, 64),
                        true));
                output = trim(readPrefix(outcome.stdout(), 64 * 1024));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (outcome.status() == RunOutcome.Status.ERROR) {
                throw new SandboxException("compile failed in the sandbox: " + outcome.error());
            }
            boolean produced = Files.isRegularFile(staging.resolve(language.artifact()), LinkOption.NOFOLLOW_LINKS);
            if (outcome.succeeded() && produced) {
                store(staging, programDir);
                Files.writeString(resultFile, "ok\n" + output);
                return new Compiled(new CompileResult(true, output, millis, false), programDir);
            }
            String message = switch (outcome.status()) {
                case CPU_TIME, WALL_TIME -> "compilation exceeded the " + timeLimitMs / 1000 + " s limit\n" + output;
                default -> outcome.memoryLimitHit() ? "the compiler ran out of memory\n" + output
                        : outcome.outputLimitHit() ? "the compiler output is too large\n" + output
                        : output.isBlank() ? "compilation failed (" + describe(outcome) + ")" : output;
            };
            message = trim(message);
            if (outcome.status() == RunOutcome.Status.EXITED && !outcome.memoryLimitHit()) {
                Files.writeString(resultFile, "ce\n" + message);
            }
            return new Compiled(new CompileResult(false, message, millis, false), null);
        } finally {
            dev.codearena.judge.sandbox.Files2.deleteTree(staging);
        }
    }

    private static String describe(RunOutcome outcome) {
        return outcome.signal() != null ? "signal " + outcome.signal() : "exit code " + outcome.exitCode();
    }

    private static void store(Path staging, Path programDir) throws IOException {
        try {
            Files.move(staging, programDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!Files.isDirectory(programDir)) {
                throw e;
            }
            // another compile of the same source got there first: its result is as good as ours
        }
    }

    static String readPrefix(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(limit), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String trim(String text) {
        String cleaned = text.replace(SandboxLayout.PROGRAM_DIR + "/", "");
        if (cleaned.length() <= MESSAGE_LIMIT) {
            return cleaned;
        }
        return cleaned.substring(0, MESSAGE_LIMIT) + "\n... (trimmed)";
    }

    static String key(LanguageDefinition language, String source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((language.language().id() + "\n" + language.cacheSalt() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(source.getBytes(StandardCharsets.UTF_8));
            return language.language().id() + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
