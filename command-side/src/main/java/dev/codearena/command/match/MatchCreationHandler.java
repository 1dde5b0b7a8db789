package dev.codearena.command.match;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.player.Player;
import dev.codearena.command.problem.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
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

    MatchCreationHandler(Repository<Match> matches, Repository<Player> players, Repository<Problem> problems) {
        this.matches = matches;
        this.players = players;
        this.problems = problems;
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

    /** A second create with the same id gets a typed error instead of the event store's key violation. */
    private void requireNew(MatchId id) {
        try {
            matches.load(id.value());
        } catch (AggregateNotFoundException expected) {
            return;
        }
        throw CodeArenaException.rule(ErrorCode.MATCH_ALREADY_EXISTS, "match " + id + " already exists");
    }

    private static <T> org.axonframework.modelling.command.Aggregate<T> load(Repository<T> repository, String id, ErrorCode missing) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw CodeArenaException.notFound(missing, "no " + id);
        }
    }
}
