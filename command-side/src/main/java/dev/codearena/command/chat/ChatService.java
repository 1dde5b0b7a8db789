package dev.codearena.command.chat;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.wire.ChatChannel;
import dev.codearena.api.wire.ChatMessage;
import dev.codearena.api.wire.ChatRemoved;
import dev.codearena.api.wire.WireProtocol;
import dev.codearena.command.auth.AuthenticatedPlayer;
import dev.codearena.command.gateway.ChatRooms;
import dev.codearena.command.gateway.UserNotifier;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Chat in three channels (a match's players, a match's spectators, everyone). A message is stored
 * before it is broadcast, so what people saw can be moderated; admins remove messages and the
 * removal is broadcast to the same room. Who may speak where is checked by the gateway (rooms).
 */
public class ChatService {

    private final JdbcTemplate jdbc;
    private final UserNotifier notifier;
    private final Clock clock;
    private final Duration retention;

    ChatService(JdbcTemplate jdbc, UserNotifier notifier, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.clock = clock;
        this.retention = retention;
    }

    public Mono<ChatMessage> send(AuthenticatedPlayer author, ChatChannel channel, String matchId, String text) {
        String body = clean(text);
        if (body.isEmpty()) {
            return Mono.error(CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "text: must not be blank"));
        }
        ChatMessage message = new ChatMessage(UUID.randomUUID().toString(), channel,
                channel == ChatChannel.GLOBAL ? null : matchId, author.playerId().value(), author.handle(), body,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return Mono.fromRunnable(() -> jdbc.update("INSERT INTO gateway_chat_message "
                                + "(message_id, channel, match_id, player_id, handle, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        message.messageId(), channel.name(), message.matchId(), message.playerId(), message.handle(),
                        message.text(), Timestamp.from(message.sentAt())))
                .subscribeOn(Schedulers.boundedElastic())
                .then(notifier.publish(ChatRooms.of(channel, message.matchId()), WireProtocol.CHAT_MESSAGE, message))
                .thenReturn(message);
    }

    public Mono<ChatRemoved> remove(AuthenticatedPlayer admin, String messageId) {
        if (!admin.isAdmin()) {
            return Mono.error(CodeArenaException.rule(ErrorCode.FORBIDDEN, "Only admins remove chat messages."));
        }
        return Mono.fromCallable(() -> {
                    List<ChatRemoved> found = jdbc.query("UPDATE gateway_chat_message SET removed_at = ?, removed_by = ? "
                                    + "WHERE message_id = ? AND removed_at IS NULL RETURNING channel, match_id",
                            (rs, i) -> new ChatRemoved(messageId, ChatChannel.valueOf(rs.getString(1)), rs.getString(2)),
                            Timestamp.from(clock.instant()), admin.playerId().value(), messageId);
                    if (found.isEmpty()) {
                        throw CodeArenaException.notFound(ErrorCode.CHAT_MESSAGE_NOT_FOUND, null);
                    }
                    return found.get(0);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(removed -> notifier.publish(ChatRooms.of(removed.channel(), removed.matchId()),
                        WireProtocol.CHAT_REMOVED, removed).thenReturn(removed));
    }

    /** Recent messages of a room that were not removed, oldest first (for history on join). */
    public Mono<List<ChatMessage>> recent(ChatChannel channel, String matchId, int limit) {
        // "match_id = ?" (not IS NOT DISTINCT FROM, which no index serves) so a match's history reads its (match_id, sent_at) index
        String room = matchId == null ? "match_id IS NULL" : "match_id = ?";
        Object[] arguments = matchId == null ? new Object[] {channel.name(), limit} : new Object[] {channel.name(), matchId, limit};
        return Mono.fromCallable(() -> jdbc.query("SELECT * FROM (SELECT message_id, channel, match_id, player_id, handle, body, sent_at "
                                + "FROM gateway_chat_message WHERE channel = ? AND " + room + " AND removed_at IS NULL "
                                + "ORDER BY sent_at DESC LIMIT ?) recent ORDER BY sent_at",
                        (rs, i) -> new ChatMessage(rs.getString(1), ChatChannel.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                        arguments))
                .subscribeOn(Schedulers.boundedElastic());
    }

    int purgeOlderThanRetention() {
        Instant cutoff = clock.instant().minus(retention);
        return jdbc.update("DELETE FROM gateway_chat_message WHERE sent_at < ?", Timestamp.from(cutoff));
    }

    /** Trims, and drops control characters other than newlines (terminal escapes, bidi tricks stay out). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == '\n' || !(Character.isISOControl(cp)
                        || Character.getType(cp) == Character.FORMAT))
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }
}
