package dev.codearena.api.match;

import dev.codearena.api.judge.Language;

/**
 * A correct solution shown to players (Sabotage phase 1 starts from it).
 */
public record ReferenceSolution(Language language, String source) {
}
