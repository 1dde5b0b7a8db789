/**
 * Server-to-client wire payloads of the match/spectate channel that the query side publishes
 * ({@link dev.codearena.api.wire.LiveMessage}). The gateway owns the envelope, client-to-server
 * messages, lobby, chat, errors and {@code match:tick}.
 */
package dev.codearena.api.wire;
