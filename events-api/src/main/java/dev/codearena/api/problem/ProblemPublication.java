package dev.codearena.api.problem;

/**
 * The answer to publishing a draft: the catalogue version now current, its content hash and test
 * count; {@code unchanged} when the content equals the current version (nothing was recorded).
 */
public record ProblemPublication(ProblemId problemId, long version, String contentHash, int testCount, boolean unchanged) {
}
