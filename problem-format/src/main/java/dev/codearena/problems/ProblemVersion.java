package dev.codearena.problems;

import dev.codearena.problems.ProblemFormatException.Error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content hash that versions a problem: SHA-256 over the sorted relative paths and bytes of
 * everything that decides a verdict (metadata, statement, hand-written tests, generator, custom
 * checker). Solutions are left out on purpose: adding a reference must not invalidate a match's
 * tests. Truncated to 64 bits, enough to tell versions of one problem apart.
 */
final class ProblemVersion {

    private ProblemVersion() {
    }

    static String of(Path problemDir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String relative : hashedFiles(problemDir)) {
                byte[] content = Files.readAllBytes(problemDir.resolve(relative));
                // Path, separator, length, bytes: no two different file sets can produce the same stream.
                sha.update(relative.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemFormatException(Error.IO, problemDir, "cannot hash problem: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static List<String> hashedFiles(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        for (String single : List.of(ProblemDefinition.METADATA_FILE, ProblemDefinition.STATEMENT_FILE,
                ProblemDefinition.GENERATOR_FILE, ProblemDefinition.CUSTOM_CHECKER_FILE)) {
            if (Files.isRegularFile(dir.resolve(single))) {
                files.add(single);
            }
        }
        Path tests = dir.resolve(ProblemDefinition.TESTS_DIR);
        if (Files.isDirectory(tests)) {
            try (Stream<Path> walk = Files.walk(tests)) {
                walk.filter(Files::isRegularFile)
                        .map(file -> dir.relativize(file).toString().replace('\\', '/'))
                        .forEach(files::add);
            }
        }
        files.sort(null);
        return files;
    }
}
