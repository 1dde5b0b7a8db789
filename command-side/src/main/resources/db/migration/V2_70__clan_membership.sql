-- The command side's clan lookup (ClanMembershipLookup): written by a subscribing processor inside
-- the transaction that appends the clan's events, so it is exactly as current as the event store.
-- clan_membership's primary key is what makes "one clan per player" hold even when two commands
-- for the same player race past the handlers' check: the second commit fails and its events are
-- not stored.
CREATE TABLE clan_directory (
    clan_id     VARCHAR(100) PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    tag         VARCHAR(10)  NOT NULL,
    disbanded   BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE clan_membership (
    player_id   VARCHAR(100) PRIMARY KEY,
    clan_id     VARCHAR(100) NOT NULL,
    role        VARCHAR(10)  NOT NULL
);
CREATE INDEX clan_membership_clan ON clan_membership (clan_id);

CREATE TABLE clan_invitation (
    clan_id     VARCHAR(100) NOT NULL,
    player_id   VARCHAR(100) NOT NULL,
    invited_by  VARCHAR(100) NOT NULL,
    invited_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (clan_id, player_id)
);
CREATE INDEX clan_invitation_player ON clan_invitation (player_id);
