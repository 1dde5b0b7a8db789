package dev.codearena.command.auth;

import java.security.SecureRandom;

/** Handles for accounts created by an OAuth2 sign-in, derived from the provider's name for the user. */
final class FederatedHandles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX = 20;

    private FederatedHandles() {
    }

    /**
     * The provider's name reduced to the handle alphabet ({@code A-Z a-z 0-9 _ -}, 3–20) on the first
     * attempt; then that stem with a random 4-digit suffix.
     */
    static String candidate(String suggested, int attempt) {
        String stem = suggested == null ? "" : suggested.replaceAll("[^A-Za-z0-9_-]", "");
        if (stem.length() < 3) {
            stem = "player";
        }
        if (attempt == 0) {
            return stem.length() > MAX ? stem.substring(0, MAX) : stem;
        }
        String suffix = "_" + String.format("%04d", RANDOM.nextInt(10_000));
        return (stem.length() > MAX - suffix.length() ? stem.substring(0, MAX - suffix.length()) : stem) + suffix;
    }
}
