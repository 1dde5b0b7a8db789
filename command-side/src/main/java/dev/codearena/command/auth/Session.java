package dev.codearena.command.auth;

/** What a successful sign-in, registration or refresh hands out. */
record Session(AuthenticatedPlayer player, String accessToken, long expiresInSeconds, String refreshToken) {
}
