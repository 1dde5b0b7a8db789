package dev.codearena.api.wire;

import dev.codearena.api.match.MatchId;

/**
 * Payload of a {@link LiveMessage}. {@code version} is the sequence number of the match event that
 * caused it (compare with {@link dev.codearena.api.live.LiveMatchView#version()}).
 */
public interface LivePayload {

    MatchId matchId();

    long version();

    /** The {@link LiveMessageType} this payload travels under. */
    String messageType();
}
