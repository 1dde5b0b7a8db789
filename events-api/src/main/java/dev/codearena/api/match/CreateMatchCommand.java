package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a match from a roster and problem choice (matchmaking or a private lobby). The command side
 * pins each problem to its current catalogue version and each player's current ratings.
 */
public record CreateMatchCommand(
        @TargetAggregateIdentifier @NotNull MatchId matchId,
        @NotNull MatchMode mode,
        @NotNull MatchSettings settings,
        @NotNull @Size(min = 2, max = MatchSettings.MAX_PLAYERS_LIMIT) List<PlayerId> players,
        @NotNull @Size(min = 1, max = 50) List<ProblemId> problems) {
}
