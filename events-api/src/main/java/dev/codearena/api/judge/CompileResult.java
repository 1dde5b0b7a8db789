package dev.codearena.api.judge;

/**
 * The compilation step of a submission.
 *
 * @param success  whether the compiler produced a program (interpreted languages: syntax check passed)
 * @param output   compiler messages, trimmed to a bounded size
 * @param timeMs   wall time of the compile (0 when served from the cache)
 * @param cached   whether the compiled program came from the compile cache
 */
public record CompileResult(boolean success, String output, long timeMs, boolean cached) {
}
