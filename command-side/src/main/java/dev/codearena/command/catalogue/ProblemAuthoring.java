package dev.codearena.command.catalogue;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.Language;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDraftRequest;
import dev.codearena.api.problem.ProblemDraftView;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemPublication;
import dev.codearena.api.problem.TestArchiveReport;
import dev.codearena.api.judge.Verdict;
import dev.codearena.problems.MaterializedProblem;
import dev.codearena.problems.ProblemDefinition;
import dev.codearena.problems.ProblemFormatException;
import dev.codearena.problems.ProblemStore;
import dev.codearena.problems.ReferenceSolution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What admins do to the catalogue: keep drafts ({@link ProblemDrafts}), upload their tests
 * ({@link TestArchive}), and publish a draft as the problem's next version. Publishing reads the
 * draft with the problem format's rules (the same as for {@code problems/}), materialises its tests
 * into the judge's store under the new content hash — earlier versions stay there, so a running
 * match keeps judging the version it pinned — and sends the {@link ImportProblemCommand} that
 * records {@code ProblemVersionPublished}. Work on one slug is serialised.
 */
final class ProblemAuthoring {

    private final ProblemDrafts drafts;
    private final ProblemStore store;
    private final Path problemSet;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final TestArchive archive;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    ProblemAuthoring(ProblemDrafts drafts, ProblemStore store, Path problemSet, CommandGateway commands, JdbcTemplate jdbc,
                     TestArchive archive, Clock clock) {
        this.drafts = drafts;
        this.store = store;
        this.problemSet = problemSet;
        this.commands = commands;
        this.jdbc = jdbc;
        this.archive = archive;
        this.clock = clock;
    }

    List<ProblemDraftView> list() {
        return drafts.list();
    }

    ProblemDraftView get(String slug) {
        return drafts.find(slug).orElseThrow(() -> notFound(slug));
    }

    /** A new problem: the slug must be free in the drafts, the problem set and the catalogue. */
    ProblemDraftView create(ProblemDraftRequest draft) {
        return locked(draft.slug(), () -> {
            if (drafts.exists(draft.slug()) || Files.isDirectory(problemSet.resolve(draft.slug())) || inCatalogue(draft.slug())) {
                throw CodeArenaException.rule(ErrorCode.PROBLEM_ALREADY_EXISTS,
                        "problem '" + draft.slug() + "' already exists; edit it instead");
            }
            drafts.write(draft);
            return drafts.view(draft.slug());
        });
    }

    ProblemDraftView update(String slug, ProblemDraftRequest draft) {
        if (!slug.equals(draft.slug())) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "slug: the body's slug must be the path's (" + slug + ")");
        }
        return locked(slug, () -> {
            if (!drafts.exists(slug)) {
                throw notFound(slug);
            }
            drafts.write(draft);
            return drafts.view(slug);
        });
    }

    /**
     * Starts editing a problem of the problem set: its metadata, statement, references, checker,
     * tests and generator become a draft. From then on the draft owns the slug: the start-up loader
     * no longer imports the directory in {@code problems/} (it would revert the admins' versions).
     */
    ProblemDraftView adopt(String slug) {
        return locked(slug, () -> {
            if (drafts.exists(slug)) {
                return drafts.view(slug);
            }
            Path source = problemSet.resolve(slug).normalize();
            if (!source.getParent().equals(problemSet) || !Files.isDirectory(source)) {
                throw notFound(slug);
            }
            ProblemDefinition problem = readProblem(source);
            String cpp = referenceText(problem, Language.CPP17);
            String python = referenceText(problem, Language.PYTHON3);
            String sabotage = problem.sabotageReferenceFile()
                    .map(file -> file.getFileName().toString().endsWith(".py") ? "python" : "cpp").orElse(null);
            String checker = switch (problem.checker().kind()) {
                case TOKENS -> "tokens";
                case EXACT -> "exact";
                case FLOAT -> "float:" + problem.checker().epsilon();
                case CUSTOM -> "custom";
            };
            String customChecker = problem.customCheckerSource().map(file -> readText(source.resolve(file))).orElse(null);
            ProblemDraftRequest draft = new ProblemDraftRequest(slug, problem.title(), problem.difficulty(), problem.tags(),
                    problem.limits().timeLimitMs(), problem.limits().memoryMb(), checker, customChecker,
                    ProblemCatalogueLoader.toContractModes(problem.modes()), problem.statementMarkdown(), cpp, python, sabotage);
            drafts.copyTestsFrom(source, slug);
            drafts.write(draft);
            return drafts.view(slug);
        });
    }

    TestArchiveReport uploadTests(String slug, byte[] zip) {
        return locked(slug, () -> {
            if (!drafts.exists(slug)) {
                throw notFound(slug);
            }
            Path staging = drafts.stagingDirectory(slug);
            try {
                TestArchive.Extracted extracted = archive.extract(zip, staging);
                drafts.replaceTests(slug, staging);
                return new TestArchiveReport(extracted.tests().size(), extracted.tests(), extracted.totalBytes());
            } finally {
                ProblemDrafts.deleteRecursively(staging);
            }
        });
    }

    ProblemPublication publish(String slug) {
        return locked(slug, () -> {
            if (!drafts.exists(slug)) {
                throw notFound(slug);
            }
            ProblemDraftView before = drafts.view(slug);
            ProblemDefinition problem = readProblem(drafts.directory(slug));
            MaterializedProblem tests;
            try {
                tests = store.materialize(problem);
            } catch (ProblemFormatException e) {
                throw CodeArenaException.invalid(ErrorCode.INVALID_PROBLEM, e.error() + ": " + e.getMessage());
            }
            Long version = commands.sendAndWait(new ImportProblemCommand(ProblemId.of(slug), problem.version(),
                    ProblemCatalogueLoader.toContract(tests)));
            boolean unchanged = problem.version().equals(before.publishedContentHash());
            drafts.recordPublication(slug, version, problem.version(), clock.instant());
            return new ProblemPublication(ProblemId.of(slug), version, problem.version(), tests.testNames().size(), unchanged);
        });
    }

    private boolean inCatalogue(String slug) {
        return !jdbc.queryForList("SELECT 1 FROM gateway_problem WHERE problem_id = ?", Integer.class, slug).isEmpty();
    }

    private static ProblemDefinition readProblem(Path dir) {
        try {
            return ProblemDefinition.read(dir);
        } catch (ProblemFormatException e) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_PROBLEM, e.error() + ": " + e.getMessage());
        }
    }

    private static String referenceText(ProblemDefinition problem, Language language) {
        return problem.solutions().stream()
                .filter(s -> s.language() == language && s.expected() == Verdict.AC)
                .map(ReferenceSolution::file).findFirst()
                .map(file -> readText(problem.directory().resolve(file)))
                .orElse("");
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T locked(String slug, Supplier<T> work) {
        synchronized (locks.computeIfAbsent(slug, s -> new Object())) {
            return work.get();
        }
    }

    private static CodeArenaException notFound(String slug) {
        return CodeArenaException.notFound(ErrorCode.PROBLEM_NOT_FOUND, "no problem draft '" + slug + "'");
    }

}
