package dev.codearena.command.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.problem.ProblemDraftRequest;
import dev.codearena.api.problem.ProblemDraftView;
import dev.codearena.problems.ProblemDefinition;
import dev.codearena.problems.TestDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Admins' problem drafts, each a problem directory in the format of {@code problems/}
 * ({@code <drafts>/<slug>/problem.yaml, statement.md, solutions/, tests/, checker.cpp}) plus
 * {@code draft.json} (the form as entered) and {@code published.json} (what was last published).
 * Only the format's files count for the content hash, so the two JSON files never make a version.
 */
final class ProblemDrafts {

    static final String DRAFT_FILE = "draft.json";
    static final String PUBLISHED_FILE = "published.json";
    static final String REFERENCE_CPP = "solutions/ref.cpp";
    static final String REFERENCE_PYTHON = "solutions/ref.py";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Path root;
    private final ObjectMapper json;

    ProblemDrafts(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    Path root() {
        return root;
    }

    boolean exists(String slug) {
        return Files.isRegularFile(directory(slug).resolve(DRAFT_FILE));
    }

    Path directory(String slug) {
        Path dir = root.resolve(slug).normalize();
        if (!dir.getParent().equals(root)) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "bad slug " + slug);
        }
        return dir;
    }

    List<ProblemDraftView> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve(DRAFT_FILE)))
                    .map(dir -> view(dir.getFileName().toString()))
                    .sorted(Comparator.comparing(v -> v.draft().slug()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<ProblemDraftView> find(String slug) {
        return exists(slug) ? Optional.of(view(slug)) : Optional.empty();
    }

    ProblemDraftView view(String slug) {
        Path dir = directory(slug);
        ProblemDraftRequest draft = read(dir.resolve(DRAFT_FILE), ProblemDraftRequest.class);
        Publication published = Files.isRegularFile(dir.resolve(PUBLISHED_FILE)) ? read(dir.resolve(PUBLISHED_FILE), Publication.class) : null;
        Path tests = dir.resolve(ProblemDefinition.TESTS_DIR);
        List<String> names = Files.isDirectory(tests) ? TestDirectory.pairs(tests) : List.of();
        boolean changed = published == null || !published.contentHash().equals(contentHash(dir));
        return new ProblemDraftView(draft, names, published == null ? null : published.version(),
                published == null ? null : published.contentHash(), published == null ? null : published.publishedAt(), changed);
    }

    /** Writes the draft's files; the tests already uploaded stay. */
    void write(ProblemDraftRequest draft) {
        requireConsistent(draft);
        Path dir = directory(draft.slug());
        try {
            Files.createDirectories(dir.resolve("solutions"));
            writeText(dir.resolve(ProblemDefinition.STATEMENT_FILE), draft.statementMarkdown());
            writeText(dir.resolve(REFERENCE_CPP), draft.referenceCpp());
            writeText(dir.resolve(REFERENCE_PYTHON), draft.referencePython());
            Path checker = dir.resolve(ProblemDefinition.CUSTOM_CHECKER_FILE);
            if ("custom".equals(draft.checker())) {
                writeText(checker, draft.customChecker());
            } else {
                Files.deleteIfExists(checker);
            }
            writeText(dir.resolve(ProblemDefinition.METADATA_FILE), YAML.writeValueAsString(metadata(draft)));
            writeText(dir.resolve(DRAFT_FILE), json.writeValueAsString(draft));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the draft " + dir, e);
        }
    }

    /** Replaces the draft's tests (and drops a generator it had) with the pairs in {@code unpacked}. */
    void replaceTests(String slug, Path unpacked) {
        Path dir = directory(slug);
        Path tests = dir.resolve(ProblemDefinition.TESTS_DIR);
        Path old = dir.resolve(".old-tests-" + UUID.randomUUID());
        try {
            if (Files.isDirectory(tests)) {
                Files.move(tests, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(unpacked, tests, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(dir.resolve(ProblemDefinition.GENERATOR_FILE));
            deleteRecursively(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the tests of " + dir, e);
        }
    }

    void recordPublication(String slug, long version, String contentHash, Instant at) {
        try {
            writeText(directory(slug).resolve(PUBLISHED_FILE), json.writeValueAsString(new Publication(version, contentHash, at)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the tests (and generator) of a problem directory from the problem set into a new draft. */
    void copyTestsFrom(Path problemDir, String slug) {
        Path dir = directory(slug);
        try {
            Path source = problemDir.resolve(ProblemDefinition.TESTS_DIR);
            if (Files.isDirectory(source)) {
                Path tests = Files.createDirectories(dir.resolve(ProblemDefinition.TESTS_DIR));
                for (String name : TestDirectory.pairs(source)) {
                    Files.copy(source.resolve(name + ".in"), tests.resolve(name + ".in"), StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(source.resolve(name + ".out"), tests.resolve(name + ".out"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path generator = problemDir.resolve(ProblemDefinition.GENERATOR_FILE);
            if (Files.isRegularFile(generator)) {
                Files.createDirectories(dir);
                Files.copy(generator, dir.resolve(ProblemDefinition.GENERATOR_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the tests of " + problemDir, e);
        }
    }

    Path stagingDirectory(String slug) {
        return directory(slug).resolve(".upload-" + UUID.randomUUID());
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private static void requireConsistent(ProblemDraftRequest draft) {
        if ("custom".equals(draft.checker()) && (draft.customChecker() == null || draft.customChecker().isBlank())) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "customChecker: the C++ source is required with checker custom");
        }
        if (draft.modes().contains(MatchMode.SABOTAGE) && draft.sabotageReference() == null) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "sabotageReference: required when modes contain SABOTAGE");
        }
    }

    /** problem.yaml in the format of {@code problems/} (see docs/problems.md). */
    private static Map<String, Object> metadata(ProblemDraftRequest draft) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("title", draft.title().strip());
        yaml.put("difficulty", draft.difficulty());
        yaml.put("tags", draft.tags().stream().map(String::strip).toList());
        yaml.put("timeLimitMs", draft.timeLimitMs());
        yaml.put("memoryMb", draft.memoryMb());
        yaml.put("checker", draft.checker());
        yaml.put("modes", draft.modes().stream().sorted().map(ProblemDrafts::modeId).toList());
        List<Map<String, String>> solutions = new ArrayList<>();
        solutions.add(Map.of("file", REFERENCE_CPP, "expect", "AC"));
        solutions.add(Map.of("file", REFERENCE_PYTHON, "expect", "AC"));
        yaml.put("solutions", solutions);
        if (draft.sabotageReference() != null) {
            yaml.put("sabotageReference", "cpp".equals(draft.sabotageReference()) ? REFERENCE_CPP : REFERENCE_PYTHON);
        }
        return yaml;
    }

    static String modeId(MatchMode mode) {
        return switch (mode) {
            case BLITZ -> "blitz";
            case GOLF -> "golf";
            case BATTLE_ROYALE -> "royale";
            case SABOTAGE -> "sabotage";
        };
    }

    /** The content hash the format would give this directory now (null while it is not a valid problem). */
    private static String contentHash(Path dir) {
        try {
            return ProblemDefinition.read(dir).version();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private <T> T read(Path file, Class<T> type) {
        try {
            return json.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void writeText(Path file, String text) throws IOException {
        Path staging = file.resolveSibling("." + file.getFileName() + "-" + UUID.randomUUID());
        Files.writeString(staging, text, StandardCharsets.UTF_8);
        Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    record Publication(long version, String contentHash, Instant publishedAt) {
    }
}
