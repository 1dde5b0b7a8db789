package dev.codearena.command.match;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.JoinMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MembershipOutcome;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.player.Player;
import dev.codearena.command.problem.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Turns {@link CreateMatchCommand} into a Match: pins every problem to its current catalogue version
 * and every player to their current ratings (read from the Problem and Player aggregates in the same
 * unit of work), then creates the aggregate from the resolved {@link OpenMatchCommand}.
 */
@Component
class MatchCreationHandler {

    private final Repository<Match> matches;
    private final Repository<Player> players;
    private final Repository<Problem> problems;
    private final EventStore events;

    MatchCreationHandler(Repository<Match> matches, Repository<Player> players, Repository<Problem> problems,
                         EventStore events) {
        this.matches = matches;
        this.players = players;
        this.problems = problems;
        this.events = events;
    }

    @CommandHandler
    MatchId handle(CreateMatchCommand command, Clock clock, DeadlineManager deadlines) throws Exception {
        requireNew(command.matchId());
        MatchMode mode = command.mode();
        List<MatchPlayer> roster = new ArrayList<>();
        for (PlayerId id : command.players()) {
            roster.add(load(players, id.value(), ErrorCode.PLAYER_NOT_FOUND).invoke(p -> p.asMatchPlayer(mode)));
        }
        List<MatchProblem> pinned = new ArrayList<>();
        for (int i = 0; i < command.problems().size(); i++) {
            ProblemId id = command.problems().get(i);
            int points = mode == MatchMode.BLITZ && i < command.settings().problemPoints().size()
                    ? command.settings().problemPoints().get(i) : 0;
            pinned.add(load(problems, id.value(), ErrorCode.PROBLEM_NOT_FOUND).invoke(p -> p.pinFor(mode, points)));
        }
        OpenMatchCommand open = new OpenMatchCommand(command.matchId(), mode, command.settings(), roster, pinned);
        matches.newInstance(() -> new Match(open, clock, deadlines));
        return command.matchId();
    }

    /** Pins the joining player's current ratings in the match's mode; the Match decides whether they may join. */
    @CommandHandler
    MembershipOutcome handle(JoinMatchCommand command) throws Exception {
        org.axonframework.modelling.command.Aggregate<Match> match = load(matches, command.matchId().value(), ErrorCode.MATCH_NOT_FOUND);
        MatchMode mode = match.invoke(Match::mode);
        MatchPlayer player = load(players, command.playerId().value(), ErrorCode.PLAYER_NOT_FOUND).invoke(p -> p.asMatchPlayer(mode));
        return (MembershipOutcome) match.handle(GenericCommandMessage.asCommandMessage(new AdmitPlayerCommand(command.matchId(), player)));
    }

    /**
     * A second create with the same id gets a typed error instead of the event store's key violation.
     * Asks the store whether the stream has events rather than loading the aggregate: loading a match that
     * does not exist (the normal case here) makes the repository log a warning with a stack trace, and
     * reads more than one index lookup. Two concurrent creates still meet the store's unique key.
     */
    private void requireNew(MatchId id) {
        if (events.lastSequenceNumberFor(id.value()).isPresent()) {
            throw CodeArenaException.rule(ErrorCode.MATCH_ALREADY_EXISTS, "match " + id + " already exists");
        }
    }

    /**
     * Loads an aggregate that must exist. Asks the store first: loading one that does not exist makes
     * the repository log a warning with a stack trace, which a mistyped id in a request does not deserve.
     */
    private <T> org.axonframework.modelling.command.Aggregate<T> load(Repository<T> repository, String id, ErrorCode missing) {
        if (events.lastSequenceNumberFor(id).isEmpty()) {
            throw CodeArenaException.notFound(missing, "no " + id);
        }
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw CodeArenaException.notFound(missing, "no " + id);
        }
    }
}
