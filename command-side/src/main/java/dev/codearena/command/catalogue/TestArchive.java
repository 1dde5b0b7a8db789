package dev.codearena.command.catalogue;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.problems.ProblemFormatException;
import dev.codearena.problems.TestDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded zip of {@code NAME.in} / {@code NAME.out} pairs into a directory, refusing
 * anything else: other files, paths that climb out, duplicate names, too many entries, more
 * uncompressed bytes than allowed (zip bombs are cut off while inflating, not after), and
 * incomplete pairs (the problem format's own rule). Pairs may sit at the archive's root or in one
 * top-level folder ({@code tests/}); macOS resource forks are skipped.
 */
final class TestArchive {

    static final int MAX_ENTRIES = 2_000;
    private static final Pattern TEST_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(in|out)");

    private final long maxUncompressedBytes;

    TestArchive(long maxUncompressedBytes) {
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    /** Extracts into {@code target} (created, must not exist) and returns the test names and bytes written. */
    Extracted extract(byte[] zip, Path target) {
        long total = 0;
        int entries = 0;
        Set<String> seen = new HashSet<>();
        try {
            Files.createDirectories(target);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    if (++entries > MAX_ENTRIES) {
                        throw invalid("more than " + MAX_ENTRIES + " entries");
                    }
                    String name = entry.getName().replace('\\', '/');
                    if (entry.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store") || name.equals(".DS_Store")) {
                        continue;
                    }
                    String[] parts = name.split("/");
                    String file = parts[parts.length - 1];
                    if (parts.length > 2 || name.startsWith("/") || name.contains("..") || !TEST_FILE.matcher(file).matches()) {
                        throw invalid("unexpected entry '" + name + "': only NAME.in and NAME.out files, at the root or in one folder");
                    }
                    if (!seen.add(file)) {
                        throw invalid("'" + file + "' appears twice");
                    }
                    total += copy(in, target.resolve(file), maxUncompressedBytes - total);
                }
            }
        } catch (ZipException e) {
            throw invalid("not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot unpack the tests into " + target, e);
        }
        if (seen.isEmpty()) {
            throw invalid("no tests found: is it a zip of NAME.in / NAME.out files?");
        }
        try {
            return new Extracted(TestDirectory.pairs(target), total);
        } catch (ProblemFormatException e) {
            throw invalid(e.getMessage());
        }
    }

    private long copy(InputStream in, Path file, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > budget) {
                    throw CodeArenaException.invalid(ErrorCode.TEST_ARCHIVE_TOO_LARGE,
                            "the tests unpack to more than " + maxUncompressedBytes / (1024 * 1024) + " MiB in total");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    private static CodeArenaException invalid(String message) {
        return CodeArenaException.invalid(ErrorCode.INVALID_TEST_ARCHIVE, message);
    }

    record Extracted(List<String> tests, long totalBytes) {
    }
}
