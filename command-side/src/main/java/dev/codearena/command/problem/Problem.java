package dev.codearena.command.problem;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.problem.ProblemRetired;
import dev.codearena.api.problem.ProblemVersionPublished;
import dev.codearena.api.problem.RetireProblemCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A catalogue problem and its versions. Importing the same content twice records nothing, so the
 * catalogue loader can run at every start-up; changed content becomes the next version. Matches pin
 * the version current when they are created ({@link #pinFor}) and judge against it to the end.
 */
@Aggregate
public class Problem {

    @AggregateIdentifier
    private ProblemId problemId;
    private long version;
    private String contentHash;
    private ProblemDefinition definition;
    private boolean retired;

    protected Problem() {
    }

    /** @return the version current after the import */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ImportProblemCommand command, Clock clock) {
        List<String> problems = validate(command.definition());
        if (!problems.isEmpty()) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_PROBLEM, command.problemId() + ": " + String.join("; ", problems));
        }
        if (command.contentHash().equals(contentHash)) { // unchanged (retired stays retired)
            return version;
        }
        apply(new ProblemVersionPublished(command.problemId(), version + 1, command.contentHash(), command.definition(),
                clock.instant()));
        return version;
    }

    @CommandHandler
    void handle(RetireProblemCommand command, Clock clock) {
        if (!retired) {
            apply(new ProblemRetired(problemId, command.reason(), clock.instant()));
        }
    }

    /** This problem as a match of {@code mode} uses it: the current version, frozen. */
    public MatchProblem pinFor(MatchMode mode, int points) {
        if (retired) {
            throw CodeArenaException.rule(ErrorCode.PROBLEM_RETIRED, problemId + " is retired");
        }
        if (!definition.modes().contains(mode)) {
            throw CodeArenaException.rule(ErrorCode.PROBLEM_NOT_FOR_MODE, problemId + " is not playable in " + mode);
        }
        return new MatchProblem(problemId, version, definition.title(), definition.difficulty(), points,
                new JudgeSpec(definition.testsDir(), definition.checker(), definition.timeLimitMs(), definition.memoryMb()),
                mode == MatchMode.SABOTAGE ? definition.sabotageReference() : null);
    }

    static List<String> validate(ProblemDefinition d) {
        List<String> out = new ArrayList<>();
        if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
            out.add("title must be 1..200 characters");
        }
        if (d.difficulty() < 1 || d.difficulty() > 5) {
            out.add("difficulty must be 1..5");
        }
        if (d.timeLimitMs() < 100 || d.timeLimitMs() > 20_000) {
            out.add("timeLimitMs must be 100..20000");
        }
        if (d.memoryMb() < 16 || d.memoryMb() > 2048) {
            out.add("memoryMb must be 16..2048");
        }
        if (d.checker() == null) {
            out.add("a checker is required");
        }
        if (d.modes().isEmpty()) {
            out.add("at least one mode is required");
        }
        if (d.modes().contains(MatchMode.SABOTAGE) && d.sabotageReference() == null) {
            out.add("sabotage needs a sabotage reference solution");
        }
        if (d.testsDir() == null || d.testsDir().isBlank()) {
            out.add("testsDir is required");
        }
        return out;
    }

    @EventSourcingHandler
    void on(ProblemVersionPublished event) {
        problemId = event.problemId();
        version = event.version();
        contentHash = event.contentHash();
        definition = event.definition();
        retired = false;
    }

    @EventSourcingHandler
    void on(ProblemRetired event) {
        retired = true;
    }
}
