-- Fair-play read model (processing group fair-play, FairPlayProjection; docs/fair-play.md).
-- Version 3_10 rather than 3_2 leaves room for the other query-side migrations written at the same time.
-- Every qs_fp_ table except qs_fp_review is derived from events: the @ResetHandler empties them and a
-- rebuild recomputes them, flag ids included (they are derived from what a flag is about, not random).
-- qs_fp_review holds admins' decisions, which no event carries: the reset leaves it alone, so a rebuild
-- never loses a review, and reviews attach again to the flags they were made on by flag id.

CREATE TABLE qs_fp_match (
    match_id   VARCHAR(100) PRIMARY KEY,
    mode       VARCHAR(20)  NOT NULL,
    started_at TIMESTAMPTZ
);

CREATE TABLE qs_fp_match_player (
    match_id  VARCHAR(100) NOT NULL,
    player_id VARCHAR(100) NOT NULL,
    handle    VARCHAR(100) NOT NULL,
    PRIMARY KEY (match_id, player_id)
);

-- When players could first see a problem: match start (Blitz, Golf) or its round's start (Battle Royale).
CREATE TABLE qs_fp_match_problem (
    match_id    VARCHAR(100) NOT NULL,
    problem_id  VARCHAR(100) NOT NULL,
    revealed_at TIMESTAMPTZ,
    PRIMARY KEY (match_id, problem_id)
);

-- Fingerprints of code every player is given for a problem (its published reference solution).
CREATE TABLE qs_fp_problem_base (
    problem_id VARCHAR(100) NOT NULL,
    hash       BIGINT       NOT NULL,
    PRIMARY KEY (problem_id, hash)
);

-- Submission ids are unique within their match (as in qs_submission), so the key is the pair.
CREATE TABLE qs_fp_submission (
    match_id          VARCHAR(100) NOT NULL,
    submission_id     VARCHAR(100) NOT NULL,
    player_id         VARCHAR(100) NOT NULL,
    problem_id        VARCHAR(100),
    kind              VARCHAR(30)  NOT NULL,
    language          VARCHAR(20)  NOT NULL,
    source            TEXT         NOT NULL,
    source_bytes      INTEGER      NOT NULL,
    received_at       TIMESTAMPTZ  NOT NULL,
    revealed_at       TIMESTAMPTZ,
    fingerprint_count INTEGER      NOT NULL,
    verdict           VARCHAR(10),
    judged_at         TIMESTAMPTZ,
    PRIMARY KEY (match_id, submission_id)
);
CREATE INDEX qs_fp_submission_player ON qs_fp_submission (player_id, received_at);

-- The inverted index: which submissions of a problem hold a fingerprint.
CREATE TABLE qs_fp_fingerprint (
    problem_id    VARCHAR(100) NOT NULL,
    hash          BIGINT       NOT NULL,
    match_id      VARCHAR(100) NOT NULL,
    submission_id VARCHAR(100) NOT NULL,
    player_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (problem_id, hash, match_id, submission_id)
);

-- Finished 1v1 matches, for the collusion signal. player_low < player_high.
CREATE TABLE qs_fp_meeting (
    match_id    VARCHAR(100) PRIMARY KEY,
    player_low  VARCHAR(100) NOT NULL,
    player_high VARCHAR(100) NOT NULL,
    winner_id   VARCHAR(100),
    one_sided   VARCHAR(30),
    ended_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX qs_fp_meeting_pair ON qs_fp_meeting (player_low, player_high, ended_at);

CREATE TABLE qs_fp_flag (
    flag_id    VARCHAR(64)      PRIMARY KEY,
    kind       VARCHAR(20)      NOT NULL,
    players    JSONB            NOT NULL,
    match_ids  JSONB            NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    summary    TEXT             NOT NULL,
    evidence   JSONB            NOT NULL,
    created_at TIMESTAMPTZ      NOT NULL,
    updated_at TIMESTAMPTZ      NOT NULL
);
CREATE INDEX qs_fp_flag_recent ON qs_fp_flag (updated_at DESC, flag_id);

-- Admins' decisions, append-only; the latest per flag is its status. Not emptied by a rebuild.
CREATE TABLE qs_fp_review (
    review_id   BIGSERIAL    PRIMARY KEY,
    flag_id     VARCHAR(64)  NOT NULL,
    decision    VARCHAR(20)  NOT NULL,
    reviewer    VARCHAR(100) NOT NULL,
    note        TEXT,
    reviewed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX qs_fp_review_flag ON qs_fp_review (flag_id, review_id DESC);
