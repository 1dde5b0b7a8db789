package dev.codearena.judge.language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code bits/stdc++.h.gch} once per compiler version and flag set into the work dir.
 * The header is trusted system code, so it is built on the host, outside the sandbox. A PCH is
 * only used by gcc when the flags match, which is why the same {@link CppLanguage#FLAGS} are used.
 */
final class PrecompiledHeader {

    private static final Logger log = LoggerFactory.getLogger(PrecompiledHeader.class);

    private PrecompiledHeader() {
    }

    /** The directory to put first on the include path, or empty when g++ cannot build a PCH. */
    static synchronized Optional<Path> ensure(Path workDir) {
        try {
            String version = run(List.of("g++", "--version"), null).lines().findFirst().orElse("g++");
            String header = run(List.of("g++", "-std=c++17", "-x", "c++", "-E", "-H", "-"), "#include <bits/stdc++.h>\n")
                    .lines().filter(line -> line.startsWith(". ")).map(line -> line.substring(2).strip())
                    .findFirst().orElse(null);
            if (header == null) {
                return Optional.empty();
            }
            String key = sha256(version + "|" + header + "|" + CppLanguage.FLAGS).substring(0, 16);
            Path dir = workDir.resolve("pch").resolve(key);
            Path gch = dir.resolve("bits").resolve("stdc++.h.gch");
            if (Files.isRegularFile(gch)) {
                return Optional.of(dir);
            }
            Files.createDirectories(gch.getParent());
            Path tmp = gch.resolveSibling("stdc++.h.gch.tmp" + ProcessHandle.current().pid());
            List<String> command = new ArrayList<>(List.of("g++"));
            command.addAll(CppLanguage.FLAGS);
            command.addAll(List.of("-x", "c++-header", header, "-o", tmp.toString()));
            long start = System.nanoTime();
            run(command, null);
            Files.move(tmp, gch, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("built the C++ precompiled header in {} ms: {}", (System.nanoTime() - start) / 1_000_000, gch);
            return Optional.of(dir);
        } catch (IOException e) {
            log.warn("no precompiled header for C++: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String run(List<String> command, String stdin) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + output.lines().limit(5).toList());
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
