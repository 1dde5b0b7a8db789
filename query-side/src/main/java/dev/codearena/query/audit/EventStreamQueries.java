package dev.codearena.query.audit;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.query.AuditEvent;
import dev.codearena.api.query.EventStreamPage;
import dev.codearena.query.read.Paging;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A match's full event stream for auditors, read straight from Axon's event table (the truth, not a
 * read model) through R2DBC, in sequence order and paged by sequence number.
 */
@Service
public class EventStreamQueries {

    static final String MATCH_EVENT_TYPES = "dev.codearena.api.match.%";
    public static final int MAX_PAGE = 1000;

    private final DatabaseClient db;

    public EventStreamQueries(DatabaseClient db) {
        this.db = db;
    }

    public Mono<EventStreamPage> stream(String matchId, long fromSequence, int size) {
        String id = Paging.id("matchId", matchId);
        if (fromSequence < 0) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "fromSequence must be >= 0");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "size must be within 1.." + MAX_PAGE);
        }
        Mono<Long> total = db.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id AND payloadtype LIKE :types")
                .bind("id", id).bind("types", MATCH_EVENT_TYPES).map(row -> row.get(0, Long.class)).one();
        Mono<List<AuditEvent>> events = db.sql("""
                SELECT globalindex, sequencenumber, payloadtype, timestamp, payload FROM domainevententry
                WHERE aggregateidentifier = :id AND payloadtype LIKE :types AND sequencenumber >= :from
                ORDER BY sequencenumber LIMIT :limit""")
                .bind("id", id).bind("types", MATCH_EVENT_TYPES).bind("from", fromSequence).bind("limit", size + 1)
                .map(row -> new AuditEvent(row.get("globalindex", Long.class), row.get("sequencenumber", Long.class),
                        row.get("payloadtype", String.class), Instant.parse(row.get("timestamp", String.class)),
                        StandardCharsets.UTF_8.decode(row.get("payload", ByteBuffer.class)).toString()))
                .all().collectList();
        return Mono.zip(events, total).flatMap(t -> {
            if (t.getT2() == 0) {
                return Mono.error(CodeArenaException.notFound(ErrorCode.MATCH_NOT_FOUND, "no events for match " + id));
            }
            List<AuditEvent> page = t.getT1();
            Long next = page.size() > size ? page.get(size).sequence() : null;
            return Mono.just(new EventStreamPage(MatchId.of(id), fromSequence, size, t.getT2(),
                    page.subList(0, Math.min(size, page.size())), next));
        });
    }
}
