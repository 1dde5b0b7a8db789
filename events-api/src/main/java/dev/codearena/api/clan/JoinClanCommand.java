package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An invited player accepts.
 */
public record JoinClanCommand(@TargetAggregateIdentifier @NotNull ClanId clanId, @NotNull PlayerId playerId) {
}
