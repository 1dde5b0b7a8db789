-- Lookups the gateway's matchmaking needs, kept by the tracking processor "gateway-lookups"
-- (rebuilt from events by a reset): handles, current rating per player and mode, drawable problems.
CREATE TABLE gateway_player (
    player_id  VARCHAR(100) PRIMARY KEY,
    handle     VARCHAR(20)  NOT NULL
);

CREATE TABLE gateway_player_rating (
    player_id  VARCHAR(100) NOT NULL,
    mode       VARCHAR(16)  NOT NULL,
    rating     INTEGER      NOT NULL,
    PRIMARY KEY (player_id, mode)
);

CREATE TABLE gateway_problem (
    problem_id  VARCHAR(100) PRIMARY KEY,
    difficulty  INTEGER      NOT NULL,
    modes       VARCHAR(128) NOT NULL,   -- comma-separated MatchMode names
    retired     BOOLEAN      NOT NULL DEFAULT FALSE
);
