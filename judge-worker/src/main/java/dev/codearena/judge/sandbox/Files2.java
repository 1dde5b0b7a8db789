package dev.codearena.judge.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers shared by the judge and the sandboxes. */
public final class Files2 {

    private Files2() {
    }

    /** Deletes a tree without following symlinks (a program may have planted some); best effort. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover holds nothing secret; the next start-up does not depend on it
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
