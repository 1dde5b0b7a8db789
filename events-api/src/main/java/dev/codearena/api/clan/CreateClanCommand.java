package dev.codearena.api.clan;

import dev.codearena.api.player.PlayerId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Founds a clan; the founder becomes its leader.
 */
public record CreateClanCommand(
        @TargetAggregateIdentifier @NotNull ClanId clanId,
        @NotBlank @Size(min = 3, max = 32) String name,
        @NotBlank @Size(min = 2, max = 5) String tag,
        @NotNull PlayerId founder) {
}
