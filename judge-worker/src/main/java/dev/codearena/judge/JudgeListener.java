package dev.codearena.judge;

import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.TestResult;

/**
 * Receives results as they happen, in test order and one call at a time, on whichever of the
 * submission's judging threads finished the test: keep it quick (publish, don't block).
 */
@FunctionalInterface
public interface JudgeListener {

    JudgeListener NONE = (index, count, result) -> { };

    /** One test finished; {@code index} counts from 0 in test order. */
    void onTest(int index, int count, TestResult result);

    default void onCompiled(CompileResult compile) {
    }
}
