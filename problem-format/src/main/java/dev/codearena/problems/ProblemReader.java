package dev.codearena.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.problems.ProblemFormatException.Error;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns a problem directory into a validated {@link ProblemDefinition}, or says precisely why not. */
final class ProblemReader {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int DEFAULT_MEMORY_MB = 256;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Language> LANGUAGE_BY_EXTENSION = Map.of(
            "cpp", Language.CPP17,
            "c", Language.C11,
            "py", Language.PYTHON3,
            "java", Language.JAVA17,
            "js", Language.JAVASCRIPT);

    /** problem.yaml as written; every field boxed so that "absent" is visible. */
    record Metadata(String title, Integer difficulty, List<String> tags, Long timeLimitMs, Integer memoryMb,
                    String checker, List<String> modes, List<SolutionEntry> solutions, String sabotageReference) {
    }

    record SolutionEntry(String file, String expect) {
    }

    private final Path dir;

    private ProblemReader(Path dir) {
        this.dir = dir;
    }

    static ProblemDefinition read(Path problemDirectory) {
        return new ProblemReader(problemDirectory.toAbsolutePath().normalize()).read();
    }

    private ProblemDefinition read() {
        if (!Files.isDirectory(dir)) {
            throw fail(Error.MISSING_FILE, "not a directory");
        }
        String slug = dir.getFileName().toString();
        if (!SLUG.matcher(slug).matches()) {
            throw fail(Error.INVALID_SLUG, "directory name '" + slug + "' is not a slug (lowercase letters, digits, '-')");
        }
        Metadata meta = readMetadata();
        String statement = readRequiredText(ProblemDefinition.STATEMENT_FILE);
        if (statement.isBlank()) {
            throw fail(Error.INVALID_VALUE, ProblemDefinition.STATEMENT_FILE + " is empty");
        }

        String title = required("title", meta.title()).trim();
        if (title.isEmpty()) {
            throw fail(Error.MISSING_FIELD, "title is empty");
        }
        int difficulty = required("difficulty", meta.difficulty());
        if (difficulty < 1 || difficulty > 5) {
            throw fail(Error.INVALID_VALUE, "difficulty must be 1..5, was " + difficulty);
        }
        long timeLimitMs = required("timeLimitMs", meta.timeLimitMs());
        if (timeLimitMs < 1 || timeLimitMs > ProblemLimits.MAX_TIME_LIMIT_MS) {
            throw fail(Error.INVALID_VALUE, "timeLimitMs must be 1.." + ProblemLimits.MAX_TIME_LIMIT_MS + ", was " + timeLimitMs);
        }
        int memoryMb = meta.memoryMb() == null ? DEFAULT_MEMORY_MB : meta.memoryMb();
        if (memoryMb < 16 || memoryMb > ProblemLimits.MAX_MEMORY_MB) {
            throw fail(Error.INVALID_VALUE, "memoryMb must be 16.." + ProblemLimits.MAX_MEMORY_MB + ", was " + memoryMb);
        }
        List<String> tags = meta.tags() == null ? List.of() : meta.tags();
        if (tags.stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw fail(Error.INVALID_VALUE, "tags must not be empty strings");
        }
        CheckerSpec checker = checker(meta.checker());
        Set<ProblemMode> modes = modes(required("modes", meta.modes()));
        List<ReferenceSolution> solutions = solutions(required("solutions", meta.solutions()));
        Path sabotageReference = sabotageReference(meta.sabotageReference(), modes, solutions);
        checkTests();

        return new ProblemDefinition(slug, title, difficulty, tags.stream().map(String::trim).toList(),
                new ProblemLimits(timeLimitMs, memoryMb), checker, modes, solutions, sabotageReference,
                statement, dir, ProblemVersion.of(dir));
    }

    private Metadata readMetadata() {
        String text = readRequiredText(ProblemDefinition.METADATA_FILE);
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw fail(Error.MALFORMED_METADATA, ProblemDefinition.METADATA_FILE + " is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw fail(Error.MISSING_FIELD, ProblemDefinition.METADATA_FILE + " is empty");
        }
        if (!tree.isObject()) {
            throw fail(Error.MALFORMED_METADATA, ProblemDefinition.METADATA_FILE + " must be a mapping of fields");
        }
        try {
            return YAML.treeToValue(tree, Metadata.class);
        } catch (UnrecognizedPropertyException e) {
            throw fail(Error.UNKNOWN_FIELD, ProblemDefinition.METADATA_FILE + ": unknown field '"
                    + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonMappingException e) {
            throw fail(Error.INVALID_VALUE, ProblemDefinition.METADATA_FILE + ": field '" + fieldPath(e)
                    + "' has the wrong type: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw fail(Error.MALFORMED_METADATA, ProblemDefinition.METADATA_FILE + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private CheckerSpec checker(String text) {
        if (text == null || text.isBlank()) {
            return CheckerSpec.TOKENS;
        }
        String value = text.trim();
        switch (value) {
            case "tokens":
                return CheckerSpec.TOKENS;
            case "exact":
                return CheckerSpec.EXACT;
            case "float":
                return CheckerSpec.floatTolerance(1e-6);
            case "custom":
                if (!Files.isRegularFile(dir.resolve(ProblemDefinition.CUSTOM_CHECKER_FILE))) {
                    throw fail(Error.MISSING_FILE, "checker: custom needs " + ProblemDefinition.CUSTOM_CHECKER_FILE);
                }
                return CheckerSpec.custom(ProblemDefinition.CUSTOM_CHECKER_FILE);
            default:
                break;
        }
        if (value.startsWith("float:")) {
            try {
                return CheckerSpec.parse(value);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                throw fail(Error.INVALID_VALUE, "checker '" + value + "': tolerance must be a number in (0, 1)", e);
            }
        }
        throw fail(Error.UNKNOWN_CHECKER, "unknown checker '" + value + "'; expected tokens, exact, float:EPS or custom");
    }

    private Set<ProblemMode> modes(List<String> names) {
        if (names.isEmpty()) {
            throw fail(Error.MISSING_FIELD, "modes is empty; list at least one of blitz, royale, golf, sabotage");
        }
        Set<ProblemMode> modes = EnumSet.noneOf(ProblemMode.class);
        for (String name : names) {
            if (name == null) {
                throw fail(Error.INVALID_VALUE, "modes contains an empty entry");
            }
            modes.add(ProblemMode.fromId(name).orElseThrow(() -> fail(Error.INVALID_VALUE,
                    "unknown mode '" + name + "'; expected blitz, royale, golf or sabotage")));
        }
        return modes;
    }

    private List<ReferenceSolution> solutions(List<SolutionEntry> entries) {
        List<ReferenceSolution> solutions = new ArrayList<>();
        for (SolutionEntry entry : entries) {
            if (entry == null || entry.file() == null || entry.file().isBlank()) {
                throw fail(Error.MISSING_FIELD, "a solution entry has no file");
            }
            Path file = existingFileInside(entry.file(), "solution");
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Language language = dot < 0 ? null : LANGUAGE_BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (language == null) {
                throw fail(Error.INVALID_VALUE, "solution " + entry.file()
                        + ": unknown extension; expected one of .cpp .c .py .java .js");
            }
            Verdict expected = expectedVerdict(entry);
            solutions.add(new ReferenceSolution(file, language, expected));
        }
        boolean cppRef = solutions.stream().anyMatch(s -> s.language() == Language.CPP17 && s.expected() == Verdict.AC);
        boolean pyRef = solutions.stream().anyMatch(s -> s.language() == Language.PYTHON3 && s.expected() == Verdict.AC);
        if (!cppRef || !pyRef) {
            throw fail(Error.MISSING_FIELD, "solutions must include a C++ and a Python reference expected to get AC");
        }
        return solutions;
    }

    private Verdict expectedVerdict(SolutionEntry entry) {
        if (entry.expect() == null || entry.expect().isBlank()) {
            throw fail(Error.MISSING_FIELD, "solution " + entry.file() + " has no expect: verdict");
        }
        try {
            return Verdict.valueOf(entry.expect().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(Error.INVALID_VALUE, "solution " + entry.file() + ": unknown verdict '" + entry.expect() + "'", e);
        }
    }

    private Path sabotageReference(String reference, Set<ProblemMode> modes, List<ReferenceSolution> solutions) {
        if (reference == null || reference.isBlank()) {
            if (modes.contains(ProblemMode.SABOTAGE)) {
                throw fail(Error.MISSING_FIELD, "sabotageReference is required when modes contains sabotage");
            }
            return null;
        }
        Path file = existingFileInside(reference, "sabotageReference");
        boolean acceptedReference = solutions.stream()
                .anyMatch(s -> s.file().equals(file) && s.expected() == Verdict.AC);
        if (!acceptedReference) {
            throw fail(Error.INVALID_VALUE, "sabotageReference " + reference
                    + " must also be listed under solutions with expect: AC (so the validation test proves it)");
        }
        return file;
    }

    /** Resolves a path from problem.yaml, refusing anything that escapes the problem directory. */
    private Path existingFileInside(String relative, String what) {
        Path resolved = dir.resolve(relative).normalize();
        if (!resolved.startsWith(dir) || Path.of(relative).isAbsolute()) {
            throw fail(Error.INVALID_VALUE, what + " " + relative + " is outside the problem directory");
        }
        if (!Files.isRegularFile(resolved)) {
            throw fail(Error.MISSING_FILE, what + " " + relative + " does not exist");
        }
        return dir.relativize(resolved);
    }

    private void checkTests() {
        Path tests = dir.resolve(ProblemDefinition.TESTS_DIR);
        boolean hasGenerator = Files.isRegularFile(dir.resolve(ProblemDefinition.GENERATOR_FILE));
        if (!Files.isDirectory(tests)) {
            if (!hasGenerator) {
                throw fail(Error.MISSING_FILE, "neither tests/ nor gen.py: the problem has no tests");
            }
            return;
        }
        List<String> names = TestFiles.requireComplete(tests, dir);
        if (!hasGenerator && names.isEmpty()) {
            throw fail(Error.MISSING_FILE, "tests/ is empty and there is no gen.py");
        }
    }

    private String readRequiredText(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw fail(Error.MISSING_FILE, name + " is missing");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw fail(Error.IO, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private <T> T required(String field, T value) {
        if (value == null) {
            throw fail(Error.MISSING_FIELD, ProblemDefinition.METADATA_FILE + ": " + field + " is required");
        }
        return value;
    }

    private ProblemFormatException fail(Error error, String message) {
        return new ProblemFormatException(error, dir, message);
    }

    private ProblemFormatException fail(Error error, String message, Throwable cause) {
        return new ProblemFormatException(error, dir, message, cause);
    }
}
