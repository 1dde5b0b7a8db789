package dev.codearena.command.it;

import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.Verdict;

/** The stand-in judge's rule: a marker in the source decides the verdict. */
public final class ResultInjectorVerdicts {

    private ResultInjectorVerdicts() {
    }

    public static Verdict bySource(JudgeJob job) {
        if (job.source().contains("SYNTAX")) {
            return Verdict.CE;
        }
        return job.source().contains("WRONG") ? Verdict.WA : Verdict.AC;
    }
}
