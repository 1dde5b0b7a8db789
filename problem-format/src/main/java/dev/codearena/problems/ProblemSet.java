package dev.codearena.problems;

import dev.codearena.problems.ProblemFormatException.Error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every problem under a problems root ({@code problems/}), keyed and ordered by slug. */
public final class ProblemSet {

    private final Map<String, ProblemDefinition> bySlug;

    private ProblemSet(Map<String, ProblemDefinition> bySlug) {
        this.bySlug = Collections.unmodifiableMap(bySlug);
    }

    /**
     * Reads every subdirectory of {@code problemsRoot} that holds a {@code problem.yaml}; files
     * (README.md), hidden directories and helper directories without metadata (e.g. {@code tools/})
     * are not problems. All-or-nothing: if any problem is invalid the first error is
     * thrown with the others attached as suppressed, so an author sees every broken problem at once.
     */
    public static ProblemSet load(Path problemsRoot) {
        Path root = problemsRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new ProblemFormatException(Error.MISSING_FILE, root, "problems root is not a directory");
        }
        Map<String, ProblemDefinition> problems = new LinkedHashMap<>();
        List<ProblemFormatException> failures = new ArrayList<>();
        for (Path dir : problemDirectories(root)) {
            try {
                ProblemDefinition problem = ProblemDefinition.read(dir);
                problems.put(problem.slug(), problem);
            } catch (ProblemFormatException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            ProblemFormatException first = failures.get(0);
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
        return new ProblemSet(problems);
    }

    private static List<Path> problemDirectories(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .filter(dir -> Files.isRegularFile(dir.resolve(ProblemDefinition.METADATA_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemFormatException(Error.IO, root, "cannot list problems: " + e.getMessage(), e);
        }
    }

    /** All problems, ordered by slug. */
    public List<ProblemDefinition> problems() {
        return List.copyOf(bySlug.values());
    }

    public Optional<ProblemDefinition> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public List<ProblemDefinition> offeredIn(ProblemMode mode) {
        return bySlug.values().stream().filter(problem -> problem.offeredIn(mode)).toList();
    }

    public int size() {
        return bySlug.size();
    }
}
