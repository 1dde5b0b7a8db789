package dev.codearena.judge.sandbox;

import java.nio.file.Path;

/**
 * What happened to one run: facts only. Turning facts into a verdict is done once, for every
 * sandbox, by {@code dev.codearena.judge.VerdictRules}.
 *
 * @param stdout host path of the program's standard output; valid until the next run or close
 * @param stderr host path of its standard error (same as stdout when merged)
 * @param error  why the sandbox could not run the program (status {@link Status#ERROR})
 */
public record RunOutcome(Status status, Integer exitCode, Integer signal, long cpuMs, long wallMs, long memoryKb,
                         boolean memoryLimitHit, boolean outputLimitHit, long outputBytes, Path stdout, Path stderr,
                         String error) {

    public enum Status {
        /** The program exited by itself ({@link #exitCode()} set). */
        EXITED,
        /** A signal ended it ({@link #signal()} set): crash, OOM kill, SIGXFSZ... */
        SIGNALED,
        /** Killed by the supervisor: CPU time over the limit. */
        CPU_TIME,
        /** Killed by the supervisor: wall-clock time over the limit. */
        WALL_TIME,
        /** The sandbox failed (never the program's fault): see {@link #error()}. */
        ERROR
    }

    public boolean succeeded() {
        return status == Status.EXITED && exitCode != null && exitCode == 0 && !memoryLimitHit && !outputLimitHit;
    }
}
