package dev.codearena.platform.security;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Verifies the access tokens command-side issues: HS256 JWTs with issuer {@value #ISSUER}, the player id as
 * subject, and claims {@code handle}, {@code class} and {@code roles} (a list of role names such as
 * {@code ADMIN}). Any service can check who is calling without depending on the side that signs them in.
 */
public final class AccessTokenVerifier {

    public static final String ISSUER = "codearena";
    public static final String HANDLE_CLAIM = "handle";
    public static final String CLASS_CLAIM = "class";
    public static final String ROLES_CLAIM = "roles";
    public static final String ADMIN_ROLE = "ADMIN";

    private final SecretKey key;
    private final Clock clock;

    public AccessTokenVerifier(SecretKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** @throws CodeArenaException {@code UNAUTHENTICATED} when the token is missing, forged, malformed or expired */
    public VerifiedAccessToken verify(String token) {
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
            Set<String> roles = new LinkedHashSet<>();
            if (claims.get(ROLES_CLAIM) instanceof List<?> list) {
                list.forEach(role -> roles.add(String.valueOf(role)));
            }
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                throw CodeArenaException.invalid(ErrorCode.UNAUTHENTICATED, null);
            }
            return new VerifiedAccessToken(subject, claims.get(HANDLE_CLAIM, String.class), claims.get(CLASS_CLAIM, String.class),
                    roles);
        } catch (JwtException | IllegalArgumentException e) {
            throw CodeArenaException.invalid(ErrorCode.UNAUTHENTICATED, null);
        }
    }

    /** The bearer token of an {@code Authorization} header value, or null when there is none. */
    public static String bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorizationHeader.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** What a valid access token says about its holder. */
    public record VerifiedAccessToken(String playerId, String handle, String playerClass, Set<String> roles) {

        public VerifiedAccessToken {
            roles = Set.copyOf(roles);
        }

        public boolean hasRole(String role) {
            return roles.contains(role);
        }
    }
}
