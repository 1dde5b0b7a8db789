package dev.codearena.api.fairplay;

/**
 * An admin's decision on a flag: {@link FlagStatus#CONFIRMED} or {@link FlagStatus#DISMISSED} (or
 * {@link FlagStatus#OPEN} to reopen it), with a note (up to 2000 characters).
 */
public record ReviewFlagRequest(FlagStatus decision, String note) {
}
