package dev.codearena.command.match;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A {@code CreateMatchCommand} after {@link MatchCreationHandler} pinned the problems' versions and the
 * players' ratings: everything the Match needs to be created, and nothing it must look up.
 */
public record OpenMatchCommand(
        @TargetAggregateIdentifier MatchId matchId,
        MatchMode mode,
        MatchSettings settings,
        List<MatchPlayer> players,
        List<MatchProblem> problems) {
}
