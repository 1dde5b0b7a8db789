package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The leader promotes or demotes a member; making someone LEADER hands leadership over (the old leader becomes OFFICER).
 */
public record ChangeClanRoleCommand(@TargetAggregateIdentifier @NotNull ClanId clanId, @NotNull PlayerId changedBy, @NotNull PlayerId member, @NotNull ClanRole role) {
}
