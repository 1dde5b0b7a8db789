package dev.codearena.api.wire;

/** {@code spectate:list}: ask for the live matches; answered by {@code spectate:live}. */
public record SpectateList() {
}
