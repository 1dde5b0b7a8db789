package dev.codearena.command.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the timing of a match from its live view ({@code dev.codearena.api.live.LiveMatchView}:
 * {@code periodEndsAt}, {@code phase}): when the running match, round or phase ends,
 * and whether it is over. The view's end time is set from the server's clock by the engine's
 * events, so ticks derived from it are server-authoritative.
 */
final class MatchClock {

    /** Fields of the live view holding the current deadline, most specific first. */
    private static final String[] END_FIELDS = {"periodEndsAt", "phaseEndsAt", "roundEndsAt", "endsAt"};
    private static final Set<String> OVER = Set.of("ENDED", "FINALISED", "CANCELLED", "FINISHED");

    private MatchClock() {
    }

    static Optional<Instant> endsAt(ObjectMapper mapper, String view) {
        JsonNode root = parse(mapper, view);
        if (root == null || hasEnded(root)) {
            return Optional.empty();
        }
        for (String field : END_FIELDS) {
            Optional<Instant> at = instant(root.get(field));
            if (at.isPresent()) {
                return at;
            }
        }
        // before the start the countdown runs to the start (LiveMatchView phase SCHEDULED)
        return "SCHEDULED".equals(root.path("phase").asText()) ? instant(root.get("startsAt")) : Optional.empty();
    }

    static boolean hasEnded(ObjectMapper mapper, String view) {
        JsonNode root = parse(mapper, view);
        return root == null || hasEnded(root);
    }

    private static boolean hasEnded(JsonNode root) {
        for (String field : new String[]{"status", "phase", "state"}) {
            JsonNode value = root.get(field);
            if (value != null && value.isTextual() && OVER.contains(value.asText().toUpperCase())) {
                return true;
            }
        }
        return root.path("ended").asBoolean(false);
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            long value = node.asLong();
            // epoch seconds (Jackson's default for Instant with decimals) or epoch millis
            return Optional.of(value > 100_000_000_000L ? Instant.ofEpochMilli(value)
                    : Instant.ofEpochSecond(value, Math.round((node.asDouble() - value) * 1e9)));
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Instant.parse(node.asText()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(ObjectMapper mapper, String view) {
        try {
            return view == null ? null : mapper.readTree(view);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
