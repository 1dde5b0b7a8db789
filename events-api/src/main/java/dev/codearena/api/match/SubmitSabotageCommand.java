package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sabotage phase 1: the player's bugged version of the reference solution. Answers a {@link SubmissionOutcome};
 * the edit budget is checked at once, compiling and failing a test by the judge ({@link SabotageAccepted} / {@link SabotageRefused}).
 */
public record SubmitSabotageCommand(
        @TargetAggregateIdentifier @NotNull MatchId matchId,
        @NotNull SubmissionId submissionId,
        @NotNull PlayerId playerId,
        @NotNull String source) {
}
