package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A leader or officer invites a player.
 */
public record InviteToClanCommand(@TargetAggregateIdentifier @NotNull ClanId clanId, @NotNull PlayerId invitedBy, @NotNull PlayerId invitee) {
}
