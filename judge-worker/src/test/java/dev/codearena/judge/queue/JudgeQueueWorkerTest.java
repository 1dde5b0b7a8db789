package dev.codearena.judge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeProgress;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job queue against a real redis-server. The judge behind the queue is a small in-test
 * {@link JobJudge} here because these tests are about delivery, not judging; the cross-process
 * kill test ({@link WorkerKillTest}) runs the real judge.
 */
class JudgeQueueWorkerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedRedis redis;
    private static RedisClient client;
    private RedisCommands<String, String> commands;
    private final List<JudgeQueueWorker> workers = new ArrayList<>();
    private final List<JudgeJobQueue> queues = new ArrayList<>();

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new EmbeddedRedis();
        client = redis.client();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        client.shutdown();
        redis.close();
    }

    @BeforeEach
    void cleanRedis() {
        commands = client.connect().sync();
        commands.flushall();
        try (JudgeJobQueue queue = new JudgeJobQueue(client)) {
            queue.ensureGroup(); // what producers and workers both do at start-up
        }
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(JudgeQueueWorker::close);
        queues.forEach(JudgeJobQueue::close);
    }

    @Test
    void judgesJobPublishesEachTestAndRecordsOneResult() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        StatefulRedisPubSubConnection<String, String> subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                progress.add(message);
            }
        });
        subscriber.sync().subscribe(JudgeChannels.PROGRESS);
        startWorker("w1", 1, Duration.ofSeconds(5), 3, acceptingJudge(3, Duration.ZERO, new AtomicInteger()));

        enqueue(job("s-1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        JudgeResult result = results().get(0);
        assertThat(result.submissionId()).isEqualTo("s-1");
        assertThat(result.verdict()).isEqualTo(Verdict.AC);
        assertThat(result.tests()).hasSize(3);
        assertThat(result.workerId()).isEqualTo("w1");
        await().atMost(Duration.ofSeconds(5)).until(() -> progress.size() == 3);
        JudgeProgress first = JSON.readValue(progress.get(0), JudgeProgress.class);
        assertThat(first.submissionId()).isEqualTo("s-1");
        assertThat(first.testIndex()).isZero();
        assertThat(first.testCount()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
        subscriber.close();
    }

    @Test
    void redeliveredSubmissionWithRecordedResultIsAckedWithoutJudgingAgain() throws Exception {
        AtomicInteger judged = new AtomicInteger();
        startWorker("w1", 1, Duration.ofSeconds(5), 3, acceptingJudge(1, Duration.ZERO, judged));

        enqueue(job("s-dup"));
        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        enqueue(job("s-dup")); // the saga retried, or the producer sent it twice
        enqueue(job("s-other"));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
        assertThat(judged).hasValue(2);
        assertThat(results()).extracting(JudgeResult::submissionId).containsExactly("s-dup", "s-other");
    }

    @Test
    void jobTakenByAWorkerThatStoppedIsReclaimedAndJudged() throws Exception {
        enqueue(job("s-orphan"));
        // A worker that read the job and then died: it never acks and never heartbeats.
        List<StreamMessage<String, String>> taken = commands.xreadgroup(Consumer.from(JudgeChannels.WORKER_GROUP, "dead-worker"),
                XReadArgs.StreamOffset.lastConsumed(JudgeChannels.JOBS));
        assertThat(taken).hasSize(1);

        startWorker("w2", 1, Duration.ofMillis(600), 3, acceptingJudge(1, Duration.ZERO, new AtomicInteger()));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        assertThat(results().get(0).workerId()).isEqualTo("w2");
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
    }

    @Test
    void longJobOfALiveWorkerIsNotStolenThanksToHeartbeats() throws Exception {
        AtomicInteger judged = new AtomicInteger();
        // The job takes 4 visibility timeouts; the heartbeat must keep the other worker off it.
        startWorker("slow", 1, Duration.ofMillis(500), 3, acceptingJudge(1, Duration.ofMillis(2000), judged));
        enqueue(job("s-long"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !workers.get(0).runningSubmissions().isEmpty());
        startWorker("thief", 1, Duration.ofMillis(500), 3, acceptingJudge(1, Duration.ZERO, judged));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        Thread.sleep(700);
        assertThat(judged).hasValue(1);
        assertThat(results()).singleElement().extracting(JudgeResult::workerId).isEqualTo("slow");
    }

    @Test
    void jobDeliveredTooOftenGetsAnInternalErrorInsteadOfAnotherAttempt() throws Exception {
        enqueue(job("s-poison"));
        // Three workers in turn took the job and died (as if the job crashed each of them).
        Consumer<String> dead = Consumer.from(JudgeChannels.WORKER_GROUP, "dead");
        commands.xreadgroup(dead, XReadArgs.StreamOffset.lastConsumed(JudgeChannels.JOBS));
        try (JudgeJobQueue queue = new JudgeJobQueue(client); JudgeJobQueue.Reader reader = queue.openReader("dead")) {
            reader.reclaim(Duration.ZERO);
            reader.reclaim(Duration.ZERO);
        }
        AtomicInteger judged = new AtomicInteger();

        startWorker("w3", 1, Duration.ofMillis(400), 3, acceptingJudge(1, Duration.ZERO, judged));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        JudgeResult result = results().get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.IE);
        assertThat(result.message()).contains("3 attempts");
        assertThat(judged).hasValue(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
    }

    @Test
    void failedJudgingIsRetriedByRedelivery() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JobJudge flaky = (job, listener) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("sandbox unavailable");
            }
            return acceptingJudge(1, Duration.ZERO, new AtomicInteger()).judge(job, listener);
        };
        startWorker("w4", 1, Duration.ofMillis(500), 3, flaky);

        enqueue(job("s-retry"));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        assertThat(results().get(0).verdict()).isEqualTo(Verdict.AC);
        assertThat(calls).hasValue(2);
    }

    @Test
    void unreadableJobIsKeptAsDeadLetterAndDoesNotBlockTheQueue() throws Exception {
        startWorker("w5", 1, Duration.ofSeconds(5), 3, acceptingJudge(1, Duration.ZERO, new AtomicInteger()));

        commands.xadd(JudgeChannels.JOBS, JudgeChannels.FIELD_JSON, "{not json");
        enqueue(job("s-after"));

        await().atMost(Duration.ofSeconds(10)).until(() -> results().size() == 1);
        assertThat(results().get(0).submissionId()).isEqualTo("s-after");
        List<StreamMessage<String, String>> dead = commands.xrange(JudgeJobQueue.DEAD_LETTERS, io.lettuce.core.Range.create("-", "+"));
        assertThat(dead).singleElement().satisfies(m -> assertThat(m.getBody().get("json")).isEqualTo("{not json"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
    }

    @Test
    void severalWorkersShareTheJobsAndEachSubmissionGetsExactlyOneResult() throws Exception {
        Map<String, AtomicInteger> perWorker = new ConcurrentHashMap<>();
        for (String name : List.of("a", "b")) {
            AtomicInteger count = perWorker.computeIfAbsent(name, n -> new AtomicInteger());
            startWorker(name, 2, Duration.ofSeconds(5), 3, acceptingJudge(1, Duration.ofMillis(100), count));
        }
        for (int i = 0; i < 20; i++) {
            enqueue(job("s-" + i));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> results().size() == 20);
        Map<String, Long> perSubmission = results().stream()
                .collect(Collectors.groupingBy(JudgeResult::submissionId, Collectors.counting()));
        assertThat(perSubmission).hasSize(20).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(perWorker.get("a").get()).isPositive();
        assertThat(perWorker.get("b").get()).isPositive();
    }

    private void startWorker(String id, int consumers, Duration visibility, int maxDeliveries, JobJudge judge) {
        JudgeJobQueue queue = new JudgeJobQueue(client);
        queues.add(queue);
        JudgeQueueProperties properties = new JudgeQueueProperties(true, consumers, visibility, maxDeliveries,
                Duration.ofMinutes(10), Duration.ofMillis(200), id);
        JudgeQueueWorker worker = new JudgeQueueWorker(queue, judge, properties, JSON);
        workers.add(worker);
        worker.start();
    }

    /** Accepts every submission after {@code tests} tests of {@code perTest} each. */
    private static JobJudge acceptingJudge(int tests, Duration perTest, AtomicInteger judged) {
        return (job, listener) -> {
            judged.incrementAndGet();
            List<TestResult> results = new ArrayList<>();
            for (int i = 0; i < tests; i++) {
                Thread.sleep(perTest.toMillis());
                TestResult test = new TestResult("t" + i, Verdict.AC, 1, 1, 100, 0, null);
                results.add(test);
                listener.testFinished(i, tests, test);
            }
            return new JudgeResult(job.submissionId(), job.matchId(), job.playerId(), Verdict.AC,
                    new CompileResult(true, "", 0, false), results, null, null, job.attempt());
        };
    }

    private void enqueue(JudgeJob job) throws Exception {
        commands.xadd(JudgeChannels.JOBS, JudgeChannels.FIELD_JSON, JSON.writeValueAsString(job));
    }

    static JudgeJob job(String submissionId) {
        return new JudgeJob(submissionId, "m-1", "p-1", "sum", 1, Language.PYTHON3, "print(1)", "sum/tests",
                CheckerSpec.TOKENS, 1000, 256, true, 1);
    }

    private List<JudgeResult> results() {
        return commands.xrange(JudgeChannels.RESULTS, io.lettuce.core.Range.create("-", "+")).stream()
                .map(m -> {
                    try {
                        return JSON.readValue(m.getBody().get(JudgeChannels.FIELD_JSON), JudgeResult.class);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private long pendingCount() {
        return commands.xpending(JudgeChannels.JOBS, JudgeChannels.WORKER_GROUP).getCount();
    }
}
