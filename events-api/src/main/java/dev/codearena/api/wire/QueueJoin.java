package dev.codearena.api.wire;

import dev.codearena.api.match.MatchMode;
import jakarta.validation.constraints.NotNull;

/** {@code lobby:queue}: join the rated queue of a mode; answered by {@code lobby:queued}. */
public record QueueJoin(@NotNull MatchMode mode) {
}
