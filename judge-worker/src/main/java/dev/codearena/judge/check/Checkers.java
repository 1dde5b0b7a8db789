package dev.codearena.judge.check;

import dev.codearena.api.judge.CheckerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Turns a {@link CheckerSpec} into a {@link Checker}. Custom checkers written in C++ are
 * compiled once (g++ -O2, with the checker's own directory on the include path for testlib.h)
 * and cached by source hash; Python checkers run with python3; anything else must be executable.
 */
public final class Checkers {

    private final Path cacheDir;
    private final ConcurrentHashMap<String, Checker> custom = new ConcurrentHashMap<>();

    public Checkers(Path workDir) {
        this.cacheDir = workDir.resolve("checkers");
    }

    /**
     * @param baseDir directory a relative custom checker path is resolved against (the tests dir)
     */
    public Checker forSpec(CheckerSpec spec, Path baseDir) throws IOException {
        CheckerSpec effective = spec == null ? CheckerSpec.TOKENS : spec;
        return switch (effective.kind()) {
            case TOKENS -> new TokenChecker();
            case EXACT -> new ExactChecker();
            case FLOAT -> new FloatChecker(effective.epsilon());
            case CUSTOM -> customChecker(baseDir.resolve(effective.program()).normalize());
        };
    }

    private Checker customChecker(Path program) throws IOException {
        if (!Files.isRegularFile(program)) {
            throw new IOException("custom checker not found: " + program);
        }
        String name = program.getFileName().toString();
        byte[] content = Files.readAllBytes(program);
        String key = sha256(content) + name;
        Checker cached = custom.get(key);
        if (cached != null) {
            return cached;
        }
        Checker checker;
        if (name.endsWith(".cpp") || name.endsWith(".cc") || name.endsWith(".cxx")) {
            checker = new CustomChecker(List.of(compile(program, key).toString()));
        } else if (name.endsWith(".py")) {
            checker = new CustomChecker(List.of("/usr/bin/python3", program.toString()));
        } else if (Files.isExecutable(program)) {
            checker = new CustomChecker(List.of(program.toString()));
        } else {
            throw new IOException("custom checker is neither C++, Python nor executable: " + program);
        }
        custom.put(key, checker);
        return checker;
    }

    private Path compile(Path source, String key) throws IOException {
        Path binary = cacheDir.resolve(key.substring(0, 24)).resolve("checker");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Files.createDirectories(binary.getParent());
        Path tmp = binary.resolveSibling("checker.tmp" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        Process gcc = new ProcessBuilder("g++", "-std=c++17", "-O2", "-I", source.getParent().toString(),
                "-o", tmp.toString(), source.toString()).redirectErrorStream(true).start();
        try {
            String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                throw new IOException("custom checker does not compile: " + output.lines().limit(10).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling the checker", e);
        } finally {
            gcc.destroyForcibly();
        }
        Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return binary;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
