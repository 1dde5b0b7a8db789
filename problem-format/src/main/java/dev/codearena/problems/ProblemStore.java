package dev.codearena.problems;

import dev.codearena.problems.ProblemFormatException.Error;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Materialises problems' tests where the judge reads them: {@code <root>/<slug>/<version>/tests/}
 * (with {@code checker.cpp} among them for custom checkers).
 *
 * <p>Idempotent: a version directory that exists is complete and is reused as is (versions are
 * content hashes, so its content can never be stale). Atomic: everything is built in a temporary
 * sibling directory and renamed into place, so a crash or a concurrent materialisation never
 * leaves a half-written version visible.
 */
public final class ProblemStore {

    public static final Duration DEFAULT_GENERATOR_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_CHARS = 2000;

    private final Path root;
    private final Duration generatorTimeout;
    private final String python;

    public ProblemStore(Path root) {
        this(root, DEFAULT_GENERATOR_TIMEOUT, "python3");
    }

    /**
     * @param generatorTimeout how long {@code gen.py} may run before it is killed
     * @param python           the interpreter that runs {@code gen.py}
     */
    public ProblemStore(Path root, Duration generatorTimeout, String python) {
        this.root = root.toAbsolutePath().normalize();
        this.generatorTimeout = Objects.requireNonNull(generatorTimeout);
        this.python = Objects.requireNonNull(python);
    }

    public Path root() {
        return root;
    }

    /** Where the version's tests live, whether or not they have been materialised yet. */
    public Path versionDirectory(ProblemDefinition problem) {
        return root.resolve(problem.slug()).resolve(problem.version());
    }

    public boolean isMaterialized(ProblemDefinition problem) {
        return Files.isDirectory(versionDirectory(problem).resolve(ProblemDefinition.TESTS_DIR));
    }

    /** Copies hand-written tests and runs the generator, unless this version is already in the store. */
    public MaterializedProblem materialize(ProblemDefinition problem) {
        Path target = versionDirectory(problem);
        if (!Files.isDirectory(target)) {
            build(problem, target);
        }
        Path tests = target.resolve(ProblemDefinition.TESTS_DIR);
        ensureCustomChecker(problem, tests);
        return new MaterializedProblem(problem, target, tests, TestFiles.requireComplete(tests, target));
    }

    /** Versions stored by an older layout lack the checker beside the tests; the copy is cheap and atomic. */
    private static void ensureCustomChecker(ProblemDefinition problem, Path tests) {
        if (problem.customCheckerSource().isEmpty() || Files.isRegularFile(tests.resolve(ProblemDefinition.CUSTOM_CHECKER_FILE))) {
            return;
        }
        try {
            Path staging = tests.resolve(".checker-" + UUID.randomUUID());
            Files.copy(problem.customCheckerSource().get(), staging);
            Files.move(staging, tests.resolve(ProblemDefinition.CUSTOM_CHECKER_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ProblemFormatException(Error.IO, problem.directory(), "cannot store the custom checker: " + e.getMessage(), e);
        }
    }

    private void build(ProblemDefinition problem, Path target) {
        Path staging = target.resolveSibling(".tmp-" + problem.version() + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Path tests = Files.createDirectory(staging.resolve(ProblemDefinition.TESTS_DIR));
            copyHandWrittenTests(problem, tests);
            if (problem.generator().isPresent()) {
                generate(problem, staging, tests);
            }
            if (TestFiles.requireComplete(tests, problem.directory()).isEmpty()) {
                throw new ProblemFormatException(Error.MISSING_FILE, problem.directory(), "the problem produced no tests");
            }
            if (problem.customCheckerSource().isPresent()) {
                // Beside the tests: the judge resolves a relative checker path against the tests
                // directory, so the problem's own spec ("checker.cpp") works with relative or
                // absolute tests directories alike. The judge only reads NAME.in/NAME.out as tests.
                Files.copy(problem.customCheckerSource().get(), tests.resolve(ProblemDefinition.CUSTOM_CHECKER_FILE));
            }
            publish(staging, target);
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemFormatException(Error.IO, problem.directory(),
                    "cannot materialise tests into " + target + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void copyHandWrittenTests(ProblemDefinition problem, Path tests) throws IOException {
        Path source = problem.directory().resolve(ProblemDefinition.TESTS_DIR);
        if (!Files.isDirectory(source)) {
            return;
        }
        for (String name : TestFiles.requireComplete(source, problem.directory())) {
            for (String suffix : List.of(TestFiles.INPUT, TestFiles.OUTPUT)) {
                Files.copy(source.resolve(name + suffix), tests.resolve(name + suffix));
            }
        }
    }

    private void generate(ProblemDefinition problem, Path staging, Path tests) throws IOException {
        Path generated = Files.createDirectory(staging.resolve("generated"));
        Path log = staging.resolve("gen.log");
        ProcessBuilder builder = new ProcessBuilder(python, ProblemDefinition.GENERATOR_FILE, generated.toString())
                .directory(problem.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // A fixed hash seed removes the one source of nondeterminism a seeded generator can't see (set order).
        builder.environment().put("PYTHONHASHSEED", "0");
        try {
            runGenerator(problem, builder, log);
            for (String name : TestFiles.requireComplete(generated, problem.directory())) {
                for (String suffix : List.of(TestFiles.INPUT, TestFiles.OUTPUT)) {
                    try {
                        Files.move(generated.resolve(name + suffix), tests.resolve(name + suffix));
                    } catch (FileAlreadyExistsException e) {
                        throw new ProblemFormatException(Error.INCOMPLETE_TEST, problem.directory(),
                                "gen.py wrote " + name + suffix + ", which is also a hand-written test", e);
                    }
                }
            }
        } finally {
            deleteRecursively(generated);
            Files.deleteIfExists(log);
        }
    }

    private void runGenerator(ProblemDefinition problem, ProcessBuilder builder, Path log) throws IOException {
        Process process = builder.start();
        try {
            if (!process.waitFor(generatorTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new ProblemFormatException(Error.GENERATOR_TIMEOUT, problem.directory(),
                        "gen.py did not finish within " + generatorTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProblemFormatException(Error.GENERATOR_FAILED, problem.directory(), "interrupted while generating", e);
        }
        if (process.exitValue() != 0) {
            throw new ProblemFormatException(Error.GENERATOR_FAILED, problem.directory(),
                    "gen.py exited with " + process.exitValue() + ": " + tail(log));
        }
    }

    private static void publish(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Someone else published the same version first; same hash, same content: theirs is fine.
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log).strip();
            return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover staging directories are harmless: they are never read and have unique names.
        }
    }
}
