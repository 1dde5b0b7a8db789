/**
 * The player-facing wire protocol. The gateway owns the JSON envelope, every client-to-server
 * message, the lobby, chat, error, tick and per-test verdict messages and the catalogue
 * {@link dev.codearena.api.wire.WireProtocol} from which the JSON Schema is generated; the query side
 * owns the match/spectate stream payloads it publishes ({@link dev.codearena.api.wire.LiveMessage}),
 * which the gateway relays verbatim. Described for humans in {@code docs/protocol.md}.
 */
package dev.codearena.api.wire;
