package dev.codearena.api.match;

import dev.codearena.api.judge.Language;
import dev.codearena.api.player.PlayerId;

/**
 * Sabotage phase 2: {@code playerId} must repair the code {@code saboteurId} sabotaged.
 */
public record RepairAssignment(PlayerId playerId, PlayerId saboteurId, Language language, String source) {
}
