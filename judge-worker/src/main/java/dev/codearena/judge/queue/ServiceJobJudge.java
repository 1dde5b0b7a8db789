package dev.codearena.judge.queue;

import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Verdict;
import dev.codearena.judge.JudgeRequestException;
import dev.codearena.judge.JudgeService;
import java.util.List;

/**
 * The queue's judge is the worker's {@link JudgeService}. A refused request becomes a final
 * result (retrying cannot fix it), except a language this worker cannot run: that job is left
 * for redelivery, so a worker whose toolchain works can take it.
 */
final class ServiceJobJudge implements JobJudge {

    private final JudgeService service;

    ServiceJobJudge(JudgeService service) {
        this.service = service;
    }

    @Override
    public boolean available() {
        return service.available();
    }

    @Override
    public JudgeResult judge(JudgeJob job, TestListener listener) throws Exception {
        try {
            return service.judge(job, listener::testFinished);
        } catch (JudgeRequestException e) {
            if (e.reason() == JudgeRequestException.Reason.LANGUAGE_UNAVAILABLE) {
                throw e;
            }
            // An oversized source is the player's doing (shown like a compile error); a bad
            // problem setup is not, so it is IE, never blamed on the player.
            Verdict verdict = e.reason() == JudgeRequestException.Reason.SOURCE_TOO_LARGE ? Verdict.CE : Verdict.IE;
            return new JudgeResult(job.submissionId(), job.matchId(), job.playerId(), verdict,
                    new CompileResult(false, e.getMessage(), 0, false), List.of(), e.getMessage(), null, job.attempt());
        }
    }
}
