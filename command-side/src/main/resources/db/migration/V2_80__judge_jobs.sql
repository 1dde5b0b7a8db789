-- Judge jobs waiting for their result (command side, judging). One row per submission from the
-- SubmissionReceived that sent the job until its SubmissionJudged (or the end of its match). The
-- timeout sweeper re-sends a job whose result is overdue, then records IE. Replaces the per-submission
-- judging saga and its db-scheduler deadline (docs/match-engine.md, "Judging").
CREATE TABLE judge_jobs (
    submission_id VARCHAR(255) PRIMARY KEY,
    match_id      VARCHAR(255) NOT NULL,
    attempt       INTEGER      NOT NULL,
    due_at        TIMESTAMPTZ  NOT NULL,
    job           TEXT         NOT NULL
);
CREATE INDEX judge_jobs_due_idx ON judge_jobs (due_at);
CREATE INDEX judge_jobs_match_idx ON judge_jobs (match_id);
