package dev.codearena.judge.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.judge.JudgeService;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.ObjectProvider;
import io.lettuce.core.RedisURI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the judge job consumer inside the judge-worker service. Uses Lettuce directly (not Spring
 * Data's templates) because reclaiming needs XAUTOCLAIM, which Spring Data Redis does not offer.
 * Connects to the same Redis as the rest of the process ({@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JudgeQueueProperties.class)
@ConditionalOnProperty(name = {"codearena.judge.enabled", "codearena.judge.queue.enabled"}, havingValue = "true",
        matchIfMissing = true)
class JudgeQueueConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient judgeQueueRedisClient(RedisConnectionDetails redis) {
        RedisConnectionDetails.Standalone standalone = redis.getStandalone();
        RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase());
        if (redis.getPassword() != null) {
            if (redis.getUsername() != null) {
                uri.withAuthentication(redis.getUsername(), redis.getPassword().toCharArray());
            } else {
                uri.withPassword(redis.getPassword().toCharArray());
            }
        }
        return RedisClient.create(uri.build());
    }

    @Bean(destroyMethod = "close")
    JudgeJobQueue judgeJobQueue(RedisClient judgeQueueRedisClient) {
        return new JudgeJobQueue(judgeQueueRedisClient);
    }

    @Bean
    JudgeQueueWorker judgeQueueWorker(JudgeJobQueue queue, JudgeService judgeService, JudgeQueueProperties properties,
                                      ObjectProvider<ObjectMapper> json) {
        // The worker has no web stack, so Boot may not define an ObjectMapper; the contract
        // records need nothing beyond Jackson's defaults.
        return new JudgeQueueWorker(queue, new ServiceJobJudge(judgeService), properties, json.getIfAvailable(ObjectMapper::new));
    }

    /** Starts consuming once the context (and so the judge and its sandbox) is ready. */
    @Bean
    SmartLifecycle judgeQueueLifecycle(JudgeQueueWorker worker) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                worker.start();
                running = true;
            }

            @Override
            public void stop() {
                worker.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
