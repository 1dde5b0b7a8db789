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

    /**
     * Recreates the directories and regular files of {@code from} below {@code to} as hard links
     * (copies, with their permissions, across file systems); never symbolic links, which a
     * program could have planted to make the judge reach a host file.
     */
    public static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createLink(target, path);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(path, target, LinkOption.NOFOLLOW_LINKS);
                        Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                    }
                }
            }
        }
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
