package dev.codearena.command.match;

import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchPlayer;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A {@code JoinMatchCommand} after {@link MatchCreationHandler} pinned the player's current ratings:
 * what the Match needs to decide the join, and nothing it must look up.
 */
public record AdmitPlayerCommand(@TargetAggregateIdentifier MatchId matchId, MatchPlayer player) {
}
