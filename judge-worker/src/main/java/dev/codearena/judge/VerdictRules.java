package dev.codearena.judge;

import dev.codearena.api.judge.Verdict;
import dev.codearena.judge.language.LanguageDefinition;
import dev.codearena.judge.sandbox.RunOutcome;

/**
 * The one place where a run's facts become a verdict, for every sandbox. Checked in this
 * order, the first match wins:
 * <ol>
 *   <li>IE — the sandbox failed (never the player's fault);</li>
 *   <li>TLE — killed for CPU or wall time, or CPU time over the limit: time wins over memory
 *       and output because a program killed by the clock never got to finish anything;</li>
 *   <li>MLE — OOM kill or peak above the limit in the sandbox, or the runtime reporting a
 *       refused allocation (Java heap space, Python MemoryError, Node heap, std::bad_alloc),
 *       since a failed allocation under a limit is the limit's doing, not a bug;</li>
 *   <li>OLE — output reached the output limit (SIGXFSZ or EFBIG);</li>
 *   <li>RE — non-zero exit code or a signal;</li>
 *   <li>otherwise the checker decides (AC, WA, or IE if the checker itself broke).</li>
 * </ol>
 */
final class VerdictRules {

    private VerdictRules() {
    }

    /** The verdict decided by the run alone, or null when the output must go to the checker. */
    static Verdict classify(RunOutcome outcome, long cpuLimitMs, LanguageDefinition language, String stderr) {
        return switch (outcome.status()) {
            case ERROR -> Verdict.IE;
            case CPU_TIME, WALL_TIME -> Verdict.TLE;
            case EXITED, SIGNALED -> {
                if (outcome.cpuMs() > cpuLimitMs) {
                    yield Verdict.TLE;
                }
                boolean failed = outcome.status() == RunOutcome.Status.SIGNALED
                        || outcome.exitCode() == null || outcome.exitCode() != 0;
                if (outcome.memoryLimitHit() || (failed && language.reportsOutOfMemory(stderr))) {
                    yield Verdict.MLE;
                }
                if (outcome.outputLimitHit()) {
                    yield Verdict.OLE;
                }
                yield failed ? Verdict.RE : null;
            }
        };
    }
}
