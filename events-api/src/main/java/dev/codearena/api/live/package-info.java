/**
 * The live spectator contract kept in Redis by the query side: {@link dev.codearena.api.live.LiveKeys}
 * names the keys and channels, {@link dev.codearena.api.live.LiveMatchView} is the state served as
 * {@code match:state}. The messages published on a match channel are in {@link dev.codearena.api.wire}.
 * Documented for clients in {@code docs/query-side.md#live-spectator-contract}.
 */
package dev.codearena.api.live;
