package dev.codearena.query.read;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.match.MatchMode;
import java.util.Arrays;
import java.util.Locale;

/** Validation of the paging and board parameters every list API takes. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0 || page > 1_000_000) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "page must be within 0..1000000 (was " + page + ")");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, "size must be within 1.." + MAX_SIZE + " (was " + size + ")");
        }
    }

    /** OVERALL or a mode name, case-insensitive. */
    public static String board(String board) {
        String normalised = board == null ? "OVERALL" : board.trim().toUpperCase(Locale.ROOT);
        if (normalised.equals("OVERALL") || Arrays.stream(MatchMode.values()).anyMatch(m -> m.name().equals(normalised))) {
            return normalised;
        }
        throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED,
                "board must be OVERALL or one of " + Arrays.toString(MatchMode.values()) + " (was " + board + ")");
    }

    /** Ids are at most 100 characters (the contract's typed ids); longer input is refused before a query. */
    public static String id(String what, String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw CodeArenaException.invalid(ErrorCode.VALIDATION_FAILED, what + " must be 1..100 characters");
        }
        return value;
    }
}
