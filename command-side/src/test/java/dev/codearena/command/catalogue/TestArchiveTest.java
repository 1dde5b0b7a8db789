package dev.codearena.command.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestArchiveTest {

    @TempDir
    Path temp;

    private final TestArchive archive = new TestArchive(1024 * 1024);

    @Test
    void unpacksPairsFromTheRootOrOneFolderAndSkipsMacResourceForks() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("tests/01-sample.in", "1 2\n".getBytes());
        files.put("tests/01-sample.out", "3\n".getBytes());
        files.put("02.in", "2 2\n".getBytes());
        files.put("02.out", "4\n".getBytes());
        files.put("__MACOSX/tests/._01-sample.in", new byte[] {0, 5});
        TestArchive.Extracted extracted = archive.extract(zip(files), temp.resolve("out"));
        assertThat(extracted.tests()).containsExactly("01-sample", "02");
        assertThat(extracted.totalBytes()).isEqualTo(4 + 2 + 4 + 2);
        assertThat(Files.readString(temp.resolve("out/02.out"))).isEqualTo("4\n");
    }

    @Test
    void aZipBombIsCutOffWhileInflating() throws IOException {
        byte[] bomb = zip(Map.of("big.in", new byte[8 * 1024 * 1024], "big.out", "0\n".getBytes()));
        assertThat(bomb.length).as("the archive itself is small").isLessThan(64 * 1024);
        assertThatThrownBy(() -> archive.extract(bomb, temp.resolve("bomb")))
                .isInstanceOfSatisfying(CodeArenaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TEST_ARCHIVE_TOO_LARGE));
        assertThat(Files.size(temp.resolve("bomb/big.in"))).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void refusesWhatIsNotATestPairWithTheReason() {
        assertRefused(Map.of("../01.in", "x", "../01.out", "y"), "unexpected entry '../01.");
        assertRefused(Map.of("a/b/01.in", "x", "a/b/01.out", "y"), "unexpected entry 'a/b/01.");
        assertRefused(ordered("01.in", "x", "01.out", "y", "solution.py", "print(1)"), "unexpected entry 'solution.py'");
        assertRefused(ordered("a/01.in", "x", "b/01.in", "x", "01.out", "y"), "'01.in' appears twice");
        assertRefused(Map.of("01.in", "x", "01.out", "y", "02.out", "z"), "02.out has no 02.in");
        assertRefused(Map.of(), "no tests found");
        assertThatThrownBy(() -> archive.extract("not a zip at all".getBytes(), temp.resolve("text")))
                .isInstanceOfSatisfying(CodeArenaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEST_ARCHIVE));
    }

    private static Map<String, String> ordered(String... namesAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            files.put(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return files;
    }

    private void assertRefused(Map<String, String> files, String reason) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes()));
        Path target = temp.resolve("t" + System.nanoTime());
        assertThatThrownBy(() -> archive.extract(zip(bytes), target))
                .isInstanceOfSatisfying(CodeArenaException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TEST_ARCHIVE);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
