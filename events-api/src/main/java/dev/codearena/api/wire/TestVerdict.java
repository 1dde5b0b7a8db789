package dev.codearena.api.wire;

import dev.codearena.api.judge.Verdict;

/**
 * {@code match:verdict} with {@code stage = "test"}: one hidden test of your submission finished
 * (relayed from the judge, to the submitting player only). The final verdict of a submission is
 * the room-wide {@code match:verdict} of the match stream.
 */
public record TestVerdict(String stage, String submissionId, String matchId, int testIndex, int testCount,
                          Verdict verdict, long cpuMs, long wallMs, long memoryKb) {

    public static final String STAGE_TEST = "test";
}
