package dev.codearena.api.judge;

/** Redis keys shared by the judging saga (producer) and the judge workers (consumers). */
public final class JudgeChannels {

    /** Stream of {@link JudgeJob}s, consumed by the consumer group {@link #WORKER_GROUP}. */
    public static final String JOBS = "codearena:judge:jobs";
    /** Consumer group of judge workers on {@link #JOBS}. */
    public static final String WORKER_GROUP = "judge-workers";
    /** Stream of {@link JudgeResult}s, consumed by the command side's group {@link #RESULT_GROUP}. */
    public static final String RESULTS = "codearena:judge:results";
    /** Consumer group of command-side instances on {@link #RESULTS}. */
    public static final String RESULT_GROUP = "command-side";
    /** Pub/sub channel of {@link JudgeProgress} messages (best effort, live display only). */
    public static final String PROGRESS = "codearena:judge:progress";
    /** Stream field holding the JSON body of a job or result. */
    public static final String FIELD_JSON = "json";

    private JudgeChannels() {
    }
}
