package dev.codearena.problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small but real problem directories for the tests. */
final class ProblemFixture {

    static final String VALID_YAML = """
            title: Lantern Sum
            difficulty: 2
            tags: [math, implementation]
            timeLimitMs: 1000
            memoryMb: 128
            checker: tokens
            modes: [blitz, golf, sabotage]
            solutions:
              - { file: solutions/ref.cpp, expect: AC }
              - { file: solutions/ref.py, expect: AC }
              - { file: solutions/slow.py, expect: TLE }
              - { file: solutions/Main.java, expect: AC }
            sabotageReference: solutions/ref.py
            """;

    private final Path dir;

    private ProblemFixture(Path dir) {
        this.dir = dir;
    }

    /** A complete, valid problem: metadata, statement, one sample test, solutions. */
    static ProblemFixture valid(Path root, String slug) {
        ProblemFixture fixture = new ProblemFixture(root.resolve(slug));
        fixture.write("problem.yaml", VALID_YAML)
                .write("statement.md", "# Lantern Sum\n\nAdd the numbers.\n")
                .write("tests/01-sample.in", "2\n1 2\n")
                .write("tests/01-sample.out", "3\n")
                .write("solutions/ref.cpp", "int main(){}\n")
                .write("solutions/ref.py", "print(3)\n")
                .write("solutions/slow.py", "while True: pass\n")
                .write("solutions/Main.java", "class Main {}\n");
        return fixture;
    }

    ProblemFixture write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProblemFixture yaml(String content) {
        return write("problem.yaml", content);
    }

    /** problem.yaml with one line replaced (or removed when {@code replacement} is empty). */
    ProblemFixture yamlLine(String startsWith, String replacement) {
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String line : currentYaml().split("\n")) {
            if (line.startsWith(startsWith)) {
                found = true;
                if (!replacement.isEmpty()) {
                    out.append(replacement).append('\n');
                }
            } else {
                out.append(line).append('\n');
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no line starts with " + startsWith);
        }
        return yaml(out.toString());
    }

    private String currentYaml() {
        try {
            return Files.readString(dir.resolve("problem.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProblemFixture delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    ProblemDefinition read() {
        return ProblemDefinition.read(dir);
    }
}
