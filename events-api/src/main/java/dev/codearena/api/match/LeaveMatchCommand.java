package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A player leaves a match before it starts: they are taken off the roster and the match is not rated
 * for them (after the start, leaving is {@link ForfeitMatchCommand}). Answers a {@link MembershipOutcome};
 * a refusal is recorded as {@link PlayerLeaveRefused}.
 */
public record LeaveMatchCommand(@TargetAggregateIdentifier @NotNull MatchId matchId, @NotNull PlayerId playerId) {
}
