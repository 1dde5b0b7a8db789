package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The leader dissolves the clan.
 */
public record DisbandClanCommand(@TargetAggregateIdentifier @NotNull ClanId clanId, @NotNull PlayerId by) {
}
