package dev.codearena.judge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.Language;
import dev.codearena.api.judge.Verdict;
import dev.codearena.judge.JudgeWorkerApplication;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.PendingMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: killing a worker process during a job — the job is completed by another worker
 * and exactly one verdict is recorded. Two real worker JVMs ({@link JudgeWorkerApplication},
 * the service as deployed, with the real judge and local sandbox) share a real Redis; the
 * first is killed with SIGKILL while its submission's program is still sleeping.
 */
class WorkerKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration VISIBILITY = Duration.ofSeconds(3);

    private final List<Process> workers = new ArrayList<>();
    private EmbeddedRedis redis;
    private RedisClient client;

    @AfterEach
    void stopEverything() throws IOException {
        workers.forEach(Process::destroyForcibly);
        if (client != null) {
            client.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void jobOfAKilledWorkerIsCompletedByAnotherAndRecordedOnce() throws Exception {
        // not a @TempDir: the workers' logs stay in target/test-tmp for diagnosis
        Path temp = Files.createTempDirectory("worker-kill-test");
        redis = new EmbeddedRedis();
        client = redis.client();
        RedisCommands<String, String> commands = client.connect().sync();
        try (JudgeJobQueue queue = new JudgeJobQueue(client)) {
            queue.ensureGroup();
        }
        Path tests = Files.createDirectories(temp.resolve("tests"));
        Files.writeString(tests.resolve("1.in"), "2 3\n");
        Files.writeString(tests.resolve("1.out"), "5\n");
        String slowSum = "import time\ntime.sleep(8)\na, b = map(int, input().split())\nprint(a + b)\n";
        JudgeJob job = new JudgeJob("kill-test-1", "m-1", "p-1", "sum", 1, Language.PYTHON3, slowSum,
                tests.toString(), CheckerSpec.TOKENS, 10_000, 256, true, 1);

        Process workerA = startWorker("worker-a", temp);
        Process workerB = startWorker("worker-b", temp);
        awaitConsumer(commands, "worker-a-0", workerA, temp.resolve("worker-a/worker.log"));
        awaitConsumer(commands, "worker-b-0", workerB, temp.resolve("worker-b/worker.log"));
        commands.xadd(JudgeChannels.JOBS, JudgeChannels.FIELD_JSON, JSON.writeValueAsString(job));
        await().atMost(Duration.ofSeconds(30)).until(() -> !owner(commands).isEmpty());
        String victim = owner(commands).startsWith("worker-a") ? "worker-a" : "worker-b";
        String survivor = victim.equals("worker-a") ? "worker-b" : "worker-a";
        Process first = victim.equals("worker-a") ? workerA : workerB;
        Thread.sleep(2000); // well inside the program's 8 s sleep
        assertThat(results(commands)).as(victim + " must still be in the middle of the job").isEmpty();

        first.destroyForcibly(); // SIGKILL: no shutdown hook, no ack, no result
        first.waitFor();

        await().atMost(Duration.ofSeconds(90)).until(() -> !results(commands).isEmpty());
        Thread.sleep(VISIBILITY.multipliedBy(2).toMillis()); // room for any duplicate to show up
        List<JudgeResult> results = results(commands);
        assertThat(results).hasSize(1);
        JudgeResult result = results.get(0);
        assertThat(result.submissionId()).isEqualTo("kill-test-1");
        assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.AC);
        assertThat(result.workerId()).isEqualTo(survivor);
        assertThat(commands.xpending(JudgeChannels.JOBS, JudgeChannels.WORKER_GROUP).getCount()).isZero();
    }

    private Process startWorker(String id, Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(id));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"),
                JudgeWorkerApplication.class.getName(),
                "--codearena.redis.url=redis://127.0.0.1:" + redis.port(),
                "--codearena.judge.sandbox=local",
                // shared caches (supervisor, C++ PCH): the second worker starts without rebuilding them
                "--codearena.judge.work-dir=" + temp.resolve("judge-work"),
                "--codearena.judge.self-test=false",
                "--codearena.judge.queue.worker-id=" + id,
                "--codearena.judge.queue.visibility-timeout=" + VISIBILITY.toSeconds() + "s");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker.log").toFile()).start();
        workers.add(process);
        return process;
    }

    /** A consumer shows up in the group at its first read, i.e. once the worker is up and polling. */
    private static void awaitConsumer(RedisCommands<String, String> commands, String consumer, Process process, Path log) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            if (!process.isAlive()) {
                List<String> lines = Files.readAllLines(log);
                throw new IllegalStateException(consumer + " exited with " + process.exitValue() + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            return commands.xinfoConsumers(JudgeChannels.JOBS, JudgeChannels.WORKER_GROUP).toString().contains(consumer);
        });
    }

    private static String owner(RedisCommands<String, String> commands) {
        List<PendingMessage> pending = commands.xpending(JudgeChannels.JOBS, JudgeChannels.WORKER_GROUP,
                Range.create("-", "+"), Limit.from(1));
        return pending.isEmpty() ? "" : pending.get(0).getConsumer();
    }

    private static List<JudgeResult> results(RedisCommands<String, String> commands) {
        return commands.xrange(JudgeChannels.RESULTS, Range.create("-", "+")).stream().map(m -> {
            try {
                return JSON.readValue(m.getBody().get(JudgeChannels.FIELD_JSON), JudgeResult.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
