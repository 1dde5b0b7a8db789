/**
 * The player-facing wire protocol: the JSON envelope, every client-to-server message, the gateway's
 * server-to-client messages (lobby, chat, ticks, per-test verdicts, errors) and the catalogue
 * {@link dev.codearena.api.wire.WireProtocol} from which the JSON Schema is generated.
 * Described for humans in {@code docs/protocol.md}.
 */
package dev.codearena.api.wire;
