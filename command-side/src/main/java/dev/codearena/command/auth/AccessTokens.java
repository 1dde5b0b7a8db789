package dev.codearena.command.auth;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;

/** Issues and verifies the short-lived access JWTs (HS256) that authenticate HTTP, WebSocket and RSocket. */
public final class AccessTokens {

    private static final String ISSUER = "codearena";

    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(SecretKey key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
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
        if (token == null || token.isBlank()) {
            throw CodeArenaException.invalid(ErrorCode.UNAUTHENTICATED, null);
        }
        try {
            Claims claims = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(ISSUER)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Object rawRoles = claims.get("roles");
            if (rawRoles instanceof List<?> list) {
                list.forEach(r -> roles.add(Role.valueOf(String.valueOf(r))));
            }
            return new AuthenticatedPlayer(PlayerId.of(claims.getSubject()), claims.get("handle", String.class),
                    PlayerClass.valueOf(claims.get("class", String.class)), roles);
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            throw CodeArenaException.invalid(ErrorCode.UNAUTHENTICATED, null);
        }
    }
}
