package dev.codearena.command.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code codearena.auth.*}.
 *
 * @param jwtSecret         base64 HS256 key of at least 256 bits; when empty one is generated once and
 *                          kept in {@code <codearena.data-dir>/gateway/jwt-secret} (several instances must
 *                          share one: configure it, e.g. {@code CODEARENA_AUTH_JWT_SECRET})
 * @param accessTokenTtl    lifetime of an access JWT
 * @param refreshTokenTtl   lifetime of a refresh token (each is single-use; rotation keeps the family)
 * @param cookieSecure      Secure flag of the refresh cookie (only plain-HTTP local development turns it off)
 * @param adminHandles      handles that get the ADMIN role (the first admins)
 * @param freeLoginAttempts failed sign-ins per account and address before the back-off starts
 * @param maxLockout        ceiling of the doubling back-off
 */
@ConfigurationProperties("codearena.auth")
public record AuthProperties(
        String jwtSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Boolean cookieSecure,
        List<String> adminHandles,
        Integer freeLoginAttempts,
        Duration maxLockout) {

    public static final String REFRESH_COOKIE = "codearena_refresh";
    public static final String REFRESH_COOKIE_PATH = "/api/auth";

    public AuthProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(7) : refreshTokenTtl;
        cookieSecure = cookieSecure == null || cookieSecure;
        adminHandles = adminHandles == null ? List.of() : List.copyOf(adminHandles);
        freeLoginAttempts = freeLoginAttempts == null ? 5 : freeLoginAttempts;
        maxLockout = maxLockout == null ? Duration.ofMinutes(15) : maxLockout;
    }
}
