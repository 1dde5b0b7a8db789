package dev.codearena.api.live;

import dev.codearena.api.judge.Verdict;
import dev.codearena.api.problem.ProblemId;

/**
 * One player's progress on one problem.
 *
 * @param attempts    submissions received for judging (refused ones do not count)
 * @param pending     submissions still being judged
 * @param lastVerdict verdict of the latest judged submission, null before the first
 * @param solved      whether the player has an Accepted submission on it
 */
public record LiveProblemStatus(ProblemId problemId, int attempts, int pending, Verdict lastVerdict, boolean solved) {
}
