package dev.codearena.problems;

import dev.codearena.problems.ProblemFormatException.Error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The {@code NAME.in} / {@code NAME.out} pairs of a tests directory. */
final class TestFiles {

    static final String INPUT = ".in";
    static final String OUTPUT = ".out";

    private TestFiles() {
    }

    /** Test names (sorted) after checking that every input has its expected output and vice versa. */
    static List<String> requireComplete(Path testsDir, Path owner) {
        Set<String> inputs = baseNames(testsDir, INPUT, owner);
        Set<String> outputs = baseNames(testsDir, OUTPUT, owner);
        for (String name : inputs) {
            if (!outputs.contains(name)) {
                throw new ProblemFormatException(Error.INCOMPLETE_TEST, owner,
                        "test " + name + INPUT + " has no " + name + OUTPUT);
            }
        }
        for (String name : outputs) {
            if (!inputs.contains(name)) {
                throw new ProblemFormatException(Error.INCOMPLETE_TEST, owner,
                        "test " + name + OUTPUT + " has no " + name + INPUT);
            }
        }
        return List.copyOf(inputs);
    }

    private static Set<String> baseNames(Path dir, String suffix, Path owner) {
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(suffix) && name.length() > suffix.length())
                    .forEach(name -> names.add(name.substring(0, name.length() - suffix.length())));
            return names;
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemFormatException(Error.IO, owner, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
