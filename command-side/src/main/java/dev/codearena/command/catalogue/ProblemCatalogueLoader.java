package dev.codearena.command.catalogue;

import dev.codearena.api.judge.Language;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.config.FreshStateRetry;
import dev.codearena.problems.MaterializedProblem;
import dev.codearena.problems.ProblemMode;
import dev.codearena.problems.ProblemSet;
import dev.codearena.problems.ProblemStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the on-disk problem set ({@code problems/<slug>/}, read by the problem-format module) into
 * Problem aggregates: each problem's tests are materialised in the judge's problem store, then an
 * {@link ImportProblemCommand} carries its content hash. Unchanged problems record nothing, so this
 * runs at every start-up; a changed directory becomes the problem's next version (running matches
 * keep the version they pinned). Problems deleted from disk stay in the catalogue until an admin
 * retires them.
 */
public class ProblemCatalogueLoader {

    private static final Logger log = LoggerFactory.getLogger(ProblemCatalogueLoader.class);

    private final CommandGateway commands;
    private final Path problemsRoot;
    private final ProblemStore store;
    private final Predicate<String> editedByAdmins;

    public ProblemCatalogueLoader(CommandGateway commands, Path problemsRoot, ProblemStore store) {
        this(commands, problemsRoot, store, slug -> false);
    }

    /** @param editedByAdmins slugs that admins took over (a draft exists): their directory here is no longer imported */
    ProblemCatalogueLoader(CommandGateway commands, Path problemsRoot, ProblemStore store, Predicate<String> editedByAdmins) {
        this.commands = commands;
        this.problemsRoot = problemsRoot;
        this.store = store;
        this.editedByAdmins = editedByAdmins;
    }

    /** @return how many problems are in the catalogue after loading */
    public int load() {
        ProblemSet set = ProblemSet.load(problemsRoot);
        long started = System.nanoTime();
        int loaded = 0;
        for (dev.codearena.problems.ProblemDefinition problem : set.problems()) {
            if (editedByAdmins.test(problem.slug())) {
                log.info("problem {}: edited by admins (a draft exists), so {} is not imported", problem.slug(), problem.directory());
                continue;
            }
            MaterializedProblem tests = store.materialize(problem);
            Long version = importProblem(new ImportProblemCommand(ProblemId.of(problem.slug()), problem.version(),
                    toContract(tests)));
            if (version != null && version > 0) {
                loaded++;
            }
        }
        log.info("problem catalogue: {} problems from {} in the catalogue after {} ms (tests in {})", loaded, problemsRoot,
                (System.nanoTime() - started) / 1_000_000, store.root());
        return loaded;
    }

    /**
     * Several instances starting together load the same set: when another one created the aggregate
     * between our load and our append, the append fails on the event store's unique key
     * ({@code AggregateStreamCreationException}, or {@code ConcurrencyException} when it was a later
     * version). The import is idempotent, so it is sent again (it now finds the aggregate and records
     * nothing new).
     */
    private Long importProblem(ImportProblemCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                // FreshStateRetry has already resent it once; a third instance can still win the next race
                if (attempt >= 3 || !FreshStateRetry.isConcurrentAppend(e)) {
                    throw e;
                }
                log.info("problem {} was imported concurrently (another instance?); importing it again", command.problemId().value());
            }
        }
    }

    static ProblemDefinition toContract(MaterializedProblem tests) {
        dev.codearena.problems.ProblemDefinition problem = tests.problem();
        Set<MatchMode> modes = toContractModes(problem.modes());
        ReferenceSolution sabotage = problem.sabotageReferenceFile().map(ProblemCatalogueLoader::reference).orElse(null);
        return new ProblemDefinition(problem.title(), problem.difficulty(), problem.tags(), problem.limits().timeLimitMs(),
                problem.limits().memoryMb(), tests.checker(), modes, problem.statementMarkdown(), tests.relativeTestsDir(),
                tests.testNames().size(), sabotage);
    }

    static Set<MatchMode> toContractModes(Set<ProblemMode> problemModes) {
        Set<MatchMode> modes = EnumSet.noneOf(MatchMode.class);
        for (ProblemMode mode : problemModes) {
            modes.add(switch (mode) {
                case BLITZ -> MatchMode.BLITZ;
                case GOLF -> MatchMode.GOLF;
                case ROYALE -> MatchMode.BATTLE_ROYALE;
                case SABOTAGE -> MatchMode.SABOTAGE;
            });
        }
        return modes;
    }

    private static ReferenceSolution reference(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Language language = name.endsWith(".py") ? Language.PYTHON3
                : name.endsWith(".cpp") ? Language.CPP17
                : name.endsWith(".c") ? Language.C11
                : name.endsWith(".java") ? Language.JAVA17
                : name.endsWith(".js") ? Language.JAVASCRIPT
                : null;
        if (language == null) {
            throw new IllegalArgumentException("sabotage reference " + file + " has no known language extension");
        }
        try {
            return new ReferenceSolution(language, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sabotage reference " + file, e);
        }
    }
}
