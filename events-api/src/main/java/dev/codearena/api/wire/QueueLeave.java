package dev.codearena.api.wire;

import dev.codearena.api.match.MatchMode;
import jakarta.validation.constraints.NotNull;

/** {@code lobby:leave}: leave the queue of a mode; answered by {@code lobby:left}. */
public record QueueLeave(@NotNull MatchMode mode) {
}
