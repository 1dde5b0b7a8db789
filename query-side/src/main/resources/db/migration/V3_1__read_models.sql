-- Query-side read models. Every table is a projection of the event store: the tracking processor
-- named in the comment writes it (rows and token in one transaction) and its @ResetHandler empties it.
-- Prefix qs_ keeps them apart from Axon's and the command side's tables.

-- players --------------------------------------------------------------------------------------
CREATE TABLE qs_player (
    player_id     VARCHAR(100) PRIMARY KEY,
    handle        VARCHAR(100) NOT NULL,
    player_class  VARCHAR(20)  NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX qs_player_handle ON qs_player (lower(handle));

-- One row per player and board (OVERALL or a mode). OVERALL exists from registration; a mode row
-- appears with the first rated game in that mode.
CREATE TABLE qs_player_rating (
    player_id  VARCHAR(100) NOT NULL,
    board      VARCHAR(20)  NOT NULL,
    rating     INTEGER      NOT NULL,
    games      INTEGER      NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (player_id, board)
);
-- Leaderboard pages and a player's rank: rating descending, player id as the stable tie-break.
CREATE INDEX qs_player_rating_board ON qs_player_rating (board, rating DESC, player_id);

CREATE TABLE qs_rating_history (
    player_id     VARCHAR(100) NOT NULL,
    board         VARCHAR(20)  NOT NULL,
    match_id      VARCHAR(100) NOT NULL,
    rating_before INTEGER      NOT NULL,
    rating_after  INTEGER      NOT NULL,
    games         INTEGER      NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (player_id, board, match_id)
);
CREATE INDEX qs_rating_history_chart ON qs_rating_history (player_id, board, changed_at);

-- matches --------------------------------------------------------------------------------------
CREATE TABLE qs_match (
    match_id         VARCHAR(100) PRIMARY KEY,
    mode             VARCHAR(20)  NOT NULL,
    phase            VARCHAR(20)  NOT NULL,
    round            INTEGER      NOT NULL,
    player_count     INTEGER      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    starts_at        TIMESTAMPTZ  NOT NULL,
    started_at       TIMESTAMPTZ,
    period_ends_at   TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    end_reason       VARCHAR(30),
    cancelled_reason TEXT,
    finalised        BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX qs_match_live ON qs_match (created_at DESC) WHERE phase NOT IN ('ENDED', 'CANCELLED');

CREATE TABLE qs_match_player (
    match_id         VARCHAR(100) NOT NULL,
    player_id        VARCHAR(100) NOT NULL,
    seat             INTEGER      NOT NULL,
    handle           VARCHAR(100) NOT NULL,
    mode             VARCHAR(20)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    rating_at_start  INTEGER      NOT NULL,
    forfeited        BOOLEAN      NOT NULL DEFAULT FALSE,
    eliminated_round INTEGER,
    place            INTEGER,
    score            INTEGER,
    decisive_at      TIMESTAMPTZ,
    rating_before    INTEGER,
    rating_after     INTEGER,
    overall_before   INTEGER,
    overall_after    INTEGER,
    PRIMARY KEY (match_id, player_id)
);
-- A player's match history, newest first.
CREATE INDEX qs_match_player_history ON qs_match_player (player_id, created_at DESC, match_id);

CREATE TABLE qs_match_problem (
    match_id    VARCHAR(100) NOT NULL,
    position    INTEGER      NOT NULL,
    problem_id  VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL,
    title       TEXT         NOT NULL,
    difficulty  INTEGER      NOT NULL,
    points      INTEGER      NOT NULL,
    locked_by   VARCHAR(100),
    locked_at   TIMESTAMPTZ,
    PRIMARY KEY (match_id, problem_id)
);

-- Submissions with their verdicts; source is only served once the match has ended.
CREATE TABLE qs_submission (
    match_id      VARCHAR(100) NOT NULL,
    submission_id VARCHAR(100) NOT NULL,
    player_id     VARCHAR(100) NOT NULL,
    problem_id    VARCHAR(100),
    kind          VARCHAR(30)  NOT NULL,
    language      VARCHAR(20),
    source        TEXT,
    source_bytes  INTEGER,
    received_at   TIMESTAMPTZ  NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    verdict       VARCHAR(5),
    tests_passed  INTEGER,
    test_count    INTEGER,
    message       TEXT,
    judged_at     TIMESTAMPTZ,
    refusal       VARCHAR(50),
    refusal_detail TEXT,
    PRIMARY KEY (match_id, submission_id)
);

-- clans ----------------------------------------------------------------------------------------
CREATE TABLE qs_clan (
    clan_id      VARCHAR(100) PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    tag          VARCHAR(10)  NOT NULL,
    leader_id    VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    disbanded_at TIMESTAMPTZ
);

CREATE TABLE qs_clan_member (
    clan_id   VARCHAR(100) NOT NULL,
    player_id VARCHAR(100) NOT NULL,
    role      VARCHAR(10)  NOT NULL,
    joined_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (clan_id, player_id)
);
CREATE INDEX qs_clan_member_player ON qs_clan_member (player_id);

-- problem catalogue ----------------------------------------------------------------------------
CREATE TABLE qs_problem (
    problem_id     VARCHAR(100) PRIMARY KEY,
    version        BIGINT       NOT NULL,
    title          TEXT         NOT NULL,
    difficulty     INTEGER      NOT NULL,
    tags           TEXT         NOT NULL,
    modes          TEXT         NOT NULL,
    time_limit_ms  BIGINT       NOT NULL,
    memory_mb      INTEGER      NOT NULL,
    test_count     INTEGER      NOT NULL,
    statement      TEXT         NOT NULL,
    retired        BOOLEAN      NOT NULL DEFAULT FALSE,
    retired_reason TEXT,
    published_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX qs_problem_list ON qs_problem (difficulty, problem_id);
