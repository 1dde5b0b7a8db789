package dev.codearena.command.judging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.api.judge.JudgeJob;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code judge_jobs} table: judge jobs sent and still waiting for their result, with the time the
 * result is due. Writes run in the caller's transaction (the judging processor's, together with its
 * token), so a job is recorded exactly once however often its event is delivered.
 */
class PendingJudgeJobs {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PendingJudgeJobs(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a job that was just sent; a job already recorded (an event delivered again) is left as it
     * is. Returns the job's JSON, as stored, for the job queue (serialised once).
     */
    String sent(JudgeJob job, Instant dueAt) {
        String body = write(job);
        jdbc.update("INSERT INTO judge_jobs (submission_id, match_id, attempt, due_at, job) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (submission_id) DO NOTHING",
                job.submissionId(), job.matchId(), job.attempt(), utc(dueAt), body);
        return body;
    }

    void judged(Collection<String> submissionIds) {
        if (!submissionIds.isEmpty()) {
            jdbc.update("DELETE FROM judge_jobs WHERE submission_id = ANY (?)", (Object) submissionIds.toArray(String[]::new));
        }
    }

    void matchesOver(Collection<String> matchIds) {
        if (!matchIds.isEmpty()) {
            jdbc.update("DELETE FROM judge_jobs WHERE match_id = ANY (?)", (Object) matchIds.toArray(String[]::new));
        }
    }

    /** Jobs whose result is overdue at {@code now}, oldest first. */
    List<JudgeJob> overdue(Instant now, int limit) {
        return jdbc.query("SELECT job FROM judge_jobs WHERE due_at <= ? ORDER BY due_at LIMIT ?",
                (rs, row) -> read(rs.getString(1)), utc(now), limit);
    }

    /** The job was sent again (or IE was recorded for it): wait until {@code dueAt}. */
    void resent(JudgeJob job, Instant dueAt) {
        jdbc.update("UPDATE judge_jobs SET attempt = ?, due_at = ?, job = ? WHERE submission_id = ?",
                job.attempt(), utc(dueAt), write(job), job.submissionId());
    }

    /**
     * Bound as {@code timestamptz} without a {@code Calendar}: pgjdbc's {@code setTimestamp} builds a default
     * calendar for every value, a visible share of the submission's CPU (docs/benchmarks.md, "Match engine").
     */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private String write(JudgeJob job) {
        try {
            return json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise judge job " + job.submissionId(), e);
        }
    }

    private JudgeJob read(String body) {
        try {
            return json.readValue(body, JudgeJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable judge job " + body, e);
        }
    }
}
