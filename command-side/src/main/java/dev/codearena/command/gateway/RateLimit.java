package dev.codearena.command.gateway;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** {@code count} events per {@code window}, parsed from {@code "10/10s"}, {@code "1/2s"}, {@code "100/1m"}. */
record RateLimit(int count, Duration window) {

    static RateLimit parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("rate limit must look like 10/10s: " + text);
        }
        String window = parts[1].trim().toLowerCase();
        Duration duration;
        try {
            duration = window.endsWith("ms") ? Duration.ofMillis(Long.parseLong(window.substring(0, window.length() - 2)))
                    : window.endsWith("s") ? Duration.ofSeconds(Long.parseLong(window.substring(0, window.length() - 1)))
                    : window.endsWith("m") ? Duration.ofMinutes(Long.parseLong(window.substring(0, window.length() - 1)))
                    : Duration.parse(window.toUpperCase());
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("rate limit must look like 10/10s: " + text, e);
        }
        return new RateLimit(Integer.parseInt(parts[0].trim()), duration);
    }
}
