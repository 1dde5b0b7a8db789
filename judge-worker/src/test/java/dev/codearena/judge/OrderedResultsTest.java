package dev.codearena.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-over of held test results once the syntax check passes, without a sandbox: what the
 * listener hears, and that nothing reaches it once judging is over for the caller.
 */
class OrderedResultsTest {

    private final List<String> heard = new ArrayList<>();
    private final JudgeListener listener = new JudgeListener() {
        @Override
        public void onTest(int index, int count, TestResult result) {
            heard.add("test " + index + " " + result.verdict());
        }

        @Override
        public void onCompiled(CompileResult compile) {
            heard.add("compiled");
        }
    };

    private static TestResult result(Verdict verdict) {
        return new TestResult("t", verdict, 1, 1, 1, 0, null);
    }

    @Test
    void heldResultsReachTheListenerInOrderAfterTheCheck() {
        Judge.OrderedResults ordered = new Judge.OrderedResults(3, true, listener, true);
        int first = ordered.next();
        int second = ordered.next();
        ordered.done(second, result(Verdict.WA));
        ordered.done(first, result(Verdict.AC));
        assertThat(heard).isEmpty();
        ordered.release(() -> listener.onCompiled(new CompileResult(true, "", 1, false)));
        assertThat(heard).containsExactly("compiled", "test 0 AC", "test 1 WA");
        assertThat(ordered.next()).isEqualTo(-1); // stopped at the first failure
    }

    @Test
    void aCheckFinishingAfterJudgingWasLeftTellsTheListenerNothing() {
        Judge.OrderedResults ordered = new Judge.OrderedResults(2, false, listener, true);
        ordered.done(ordered.next(), result(Verdict.AC));
        ordered.close(); // judge() left early (the tests threw, or its thread was interrupted)
        ordered.release(() -> listener.onCompiled(new CompileResult(true, "", 1, false)));
        ordered.done(1, result(Verdict.AC));
        assertThat(heard).isEmpty();
        assertThat(ordered.next()).isEqualTo(-1);
    }
}
