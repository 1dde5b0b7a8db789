package dev.codearena.api.wire;

import java.time.Instant;

/**
 * {@code match:tick}: every second, from the server's clock, to everyone in the match's room.
 *
 * @param endsAt      when the current match, round or phase ends (server time)
 * @param remainingMs {@code endsAt - serverTime}, never negative
 */
public record MatchTick(String matchId, Instant endsAt, long remainingMs, Instant serverTime) {
}
