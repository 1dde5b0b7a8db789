package dev.codearena.api.match;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A player joins a match before it starts (a private lobby filling up). The command side pins the
 * player's current ratings, as it does for the players a match is created with. Answers a
 * {@link MembershipOutcome}; a refusal is recorded as {@link PlayerJoinRefused}.
 */
public record JoinMatchCommand(@TargetAggregateIdentifier @NotNull MatchId matchId, @NotNull PlayerId playerId) {
}
