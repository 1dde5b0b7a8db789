package dev.codearena.command.judging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.StringRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** XADDs judge jobs to {@link JudgeChannels#JOBS} as JSON in the field {@link JudgeChannels#FIELD_JSON}. */
class RedisJudgeJobPublisher implements JudgeJobPublisher {

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Timer publishTimer;

    RedisJudgeJobPublisher(StringRedisTemplate redis, ObjectMapper json, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.publishTimer = Timer.builder("judge_job_publish").description("XADD of a judge job (or a pipelined batch)")
                .register(meters);
    }

    @Override
    public void publish(JudgeJob job) {
        publishSerialized(List.of(body(job)));
    }

    /** One pipelined round trip for the batch. */
    @Override
    public void publishSerialized(List<String> jsonBodies) {
        if (jsonBodies.size() == 1) {
            StringRecord record = record(jsonBodies.get(0));
            publishTimer.record(() -> redis.opsForStream().add(record));
            return;
        }
        List<StringRecord> records = jsonBodies.stream().map(RedisJudgeJobPublisher::record).toList();
        publishTimer.record(() -> redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) throws DataAccessException {
                RedisOperations<String, String> strings = (RedisOperations<String, String>) operations;
                records.forEach(r -> strings.opsForStream().add(r));
                return null;
            }
        }));
    }

    private static StringRecord record(String body) {
        return StreamRecords.string(Map.of(JudgeChannels.FIELD_JSON, body)).withStreamKey(JudgeChannels.JOBS);
    }

    private String body(JudgeJob job) {
        try {
            return json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise judge job " + job.submissionId(), e);
        }
    }
}
