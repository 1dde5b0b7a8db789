package dev.codearena.command.judging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Sends judge jobs from one background thread, every job queued meanwhile in one pipelined round trip.
 *
 * <p>Why: a job is sent after its submission's transaction has committed; sending it on the command's
 * thread cost each command a Redis round trip and a good part of its CPU (one XADD through the template,
 * a connection wrapper per call). The thread sends at once when a job arrives, so a quiet server adds no
 * delay, and under load the jobs that arrived during one round trip go together in the next. A job still
 * queued when the process dies is not lost: it is a pending row, and the timeout sends it again.
 */
class JudgeJobSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JudgeJobSender.class);
    private static final int MAX_BATCH = 256;

    private final JudgeJobPublisher publisher;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    JudgeJobSender(JudgeJobPublisher publisher) {
        this.publisher = publisher;
        this.worker = new Thread(this::run, "judge-job-sender");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a job, already serialised as JSON (the body stored with the pending job). */
    void send(String jobJson) {
        queue.add(jobJson);
    }

    private void run() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                String first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                publisher.publishSerialized(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the jobs stay pending: the timeout sweep sends them again
                log.warn("event=judge-jobs-not-sent count={} cause={}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Sends what is queued before the Redis connection goes away. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        worker.join(5_000);
    }
}
