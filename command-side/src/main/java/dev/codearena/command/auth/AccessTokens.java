package dev.codearena.command.auth;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.platform.security.AccessTokenVerifier;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;

/** Issues and verifies the short-lived access JWTs (HS256) that authenticate HTTP, WebSocket and RSocket. */
public final class AccessTokens {

    private static final String ISSUER = "codearena";

    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;
    private final AccessTokenVerifier verifier;

    public AccessTokens(SecretKey key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
        this.verifier = new AccessTokenVerifier(key, clock);
    }

    public String issue(AuthenticatedPlayer player) {
        Instant now = clock.instant();
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(player.playerId().value())
                .claim("handle", player.handle())
                .claim("class", player.playerClass().name())
                .claim("roles", player.roles().stream().map(Enum::name).sorted().toList())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    public Duration ttl() {
        return ttl;
    }

    /** @throws CodeArenaException {@code UNAUTHENTICATED} when the token is missing, forged, malformed or expired */
    public AuthenticatedPlayer verify(String token) {
        AccessTokenVerifier.VerifiedAccessToken verified = verifier.verify(token);
        try {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            verified.roles().forEach(role -> roles.add(Role.valueOf(role)));
            return new AuthenticatedPlayer(PlayerId.of(verified.playerId()), verified.handle(),
                    PlayerClass.valueOf(verified.playerClass()), roles);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CodeArenaException.invalid(ErrorCode.UNAUTHENTICATED, null);
        }
    }
}
