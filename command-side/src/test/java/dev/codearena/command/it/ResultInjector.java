package dev.codearena.command.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.CompileResult;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import dev.codearena.api.judge.JudgeResult;
import dev.codearena.api.judge.TestResult;
import dev.codearena.api.judge.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Stands in for the judge on the real Redis streams: reads the jobs of one match from
 * {@link JudgeChannels#JOBS} and answers on {@link JudgeChannels#RESULTS} with the verdict the
 * test chooses (the real judge is exercised in the arena end-to-end test).
 */
public final class ResultInjector implements AutoCloseable {

    private final StringRedisTemplate redis;
    private final ObjectMapper json = new ObjectMapper();
    private final String matchId;
    private final Function<JudgeJob, Verdict> verdicts;
    final List<JudgeJob> jobs = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ResultInjector(StringRedisTemplate redis, String matchId, Function<JudgeJob, Verdict> verdicts) {
        this.redis = redis;
        this.matchId = matchId;
        this.verdicts = verdicts;
        this.thread = new Thread(this::run, "result-injector");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ReadOffset offset = ReadOffset.from("0-0");
        while (running) {
            @SuppressWarnings("unchecked")
            List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                    .read(StreamReadOptions.empty().count(100).block(Duration.ofMillis(200)), StreamOffset.create(JudgeChannels.JOBS, offset));
            if (records == null) {
                continue;
            }
            for (MapRecord<String, Object, Object> record : records) {
                offset = ReadOffset.from(record.getId());
                try {
                    JudgeJob job = json.readValue(String.valueOf(record.getValue().get(JudgeChannels.FIELD_JSON)), JudgeJob.class);
                    if (matchId.equals(job.matchId())) {
                        jobs.add(job);
                        Verdict verdict = verdicts.apply(job);
                        if (verdict != null) {
                            answer(job, verdict);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    void answer(JudgeJob job, Verdict verdict) throws Exception {
        boolean compiled = verdict != Verdict.CE;
        List<TestResult> tests = verdict == Verdict.CE ? List.of()
                : List.of(new TestResult("01", verdict == Verdict.AC ? Verdict.AC : verdict, 3, 4, 1024, 0, null));
        JudgeResult result = new JudgeResult(job.submissionId(), job.matchId(), job.playerId(), verdict,
                new CompileResult(compiled, compiled ? "" : "syntax error", 0, false), tests, null, "test-judge", job.attempt());
        redis.opsForStream().add(StreamRecords.string(Map.of(JudgeChannels.FIELD_JSON, json.writeValueAsString(result)))
                .withStreamKey(JudgeChannels.RESULTS));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
