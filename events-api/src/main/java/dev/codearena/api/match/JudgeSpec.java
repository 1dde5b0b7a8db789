package dev.codearena.api.match;

import dev.codearena.api.judge.CheckerSpec;

/**
 * How the judge runs a problem's tests for a match: fixed at match creation from the problem version the match started with.
 */
public record JudgeSpec(String testsDir, CheckerSpec checker, long timeLimitMs, int memoryMb) {
}
