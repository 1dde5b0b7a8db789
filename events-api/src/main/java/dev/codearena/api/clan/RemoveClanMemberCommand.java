package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A leader or officer removes a member of lower rank.
 */
public record RemoveClanMemberCommand(@TargetAggregateIdentifier @NotNull ClanId clanId, @NotNull PlayerId removedBy, @NotNull PlayerId member) {
}
