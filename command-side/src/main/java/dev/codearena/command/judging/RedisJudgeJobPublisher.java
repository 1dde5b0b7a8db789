package dev.codearena.command.judging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.JudgeChannels;
import dev.codearena.api.judge.JudgeJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** XADDs judge jobs to {@link JudgeChannels#JOBS} as JSON in the field {@link JudgeChannels#FIELD_JSON}. */
class RedisJudgeJobPublisher implements JudgeJobPublisher {

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Timer publishTimer;

    RedisJudgeJobPublisher(StringRedisTemplate redis, ObjectMapper json, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.publishTimer = Timer.builder("judge_job_publish").description("XADD of a judge job").register(meters);
    }

    @Override
    public void publish(JudgeJob job) {
        String body;
        try {
            body = json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise judge job " + job.submissionId(), e);
        }
        publishTimer.record(() -> redis.opsForStream().add(StreamRecords.string(Map.of(JudgeChannels.FIELD_JSON, body))
                .withStreamKey(JudgeChannels.JOBS)));
    }
}
