package dev.codearena.command.auth;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque single-use refresh tokens, rotated on every use. Only their SHA-256 is stored. A token
 * presented a second time means it was stolen (or replayed): the whole family (every token
 * descended from that sign-in) is revoked, so both the thief and the victim must sign in again.
 */
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Duration ttl;
    private final Clock clock;

    RefreshTokens(JdbcTemplate jdbc, TransactionTemplate tx, Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ttl = ttl;
        this.clock = clock;
    }

    record Rotation(String accountId, String token) {
    }

    /** Starts a new family (a sign-in). */
    String issue(String accountId) {
        return issue(accountId, UUID.randomUUID().toString());
    }

    /** Spends {@code presented} and returns its successor in the same family. */
    Rotation rotate(String presented) {
        String hash = hash(presented);
        Rotation rotation = tx.execute(status -> {
            List<Row> rows = jdbc.query("SELECT family_id, account_id, expires_at, used_at, revoked_at "
                            + "FROM gateway_refresh_token WHERE token_hash = ? FOR UPDATE",
                    (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4) != null, rs.getTimestamp(5) != null), hash);
            if (rows.isEmpty()) {
                return null;
            }
            Row row = rows.get(0);
            if (row.used || row.revoked) {
                revokeFamily(row.familyId);
                return new Rotation(null, null); // reuse: committed revocation, then refused below
            }
            if (row.expiresAt.isBefore(clock.instant())) {
                return null;
            }
            jdbc.update("UPDATE gateway_refresh_token SET used_at = ? WHERE token_hash = ?", now(), hash);
            return new Rotation(row.accountId, issue(row.accountId, row.familyId));
        });
        if (rotation == null || rotation.accountId() == null) {
            throw CodeArenaException.invalid(ErrorCode.INVALID_REFRESH_TOKEN, null);
        }
        return rotation;
    }

    /** Sign-out: the presented token's family stops working. Unknown tokens are ignored. */
    void revokeFamilyOf(String presented) {
        jdbc.query("SELECT family_id FROM gateway_refresh_token WHERE token_hash = ?",
                (rs, i) -> rs.getString(1), hash(presented)).forEach(this::revokeFamily);
    }

    /** Forgets tokens that can no longer be used by anybody. */
    int purgeExpired() {
        return jdbc.update("DELETE FROM gateway_refresh_token WHERE expires_at < ?", Timestamp.from(clock.instant().minus(ttl)));
    }

    private void revokeFamily(String familyId) {
        jdbc.update("UPDATE gateway_refresh_token SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL", now(), familyId);
    }

    private String issue(String accountId, String familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO gateway_refresh_token (token_hash, family_id, account_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                hash(token), familyId, accountId, Timestamp.from(now), Timestamp.from(now.plus(ttl)));
        return token;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String familyId, String accountId, Instant expiresAt, boolean used, boolean revoked) {
    }
}
