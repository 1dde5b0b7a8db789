package dev.codearena.api.wire;

import java.util.List;

/** {@code spectate:live}: ids of the matches being played now. */
public record LiveMatches(List<String> matchIds) {
}
