-- Accounts of the player gateway (credentials live here; the Player aggregate holds the domain side).
CREATE TABLE gateway_account (
    account_id     VARCHAR(64)  PRIMARY KEY,          -- = PlayerId
    handle         VARCHAR(20)  NOT NULL,
    email          VARCHAR(254) NOT NULL,
    password_hash  VARCHAR(255),                      -- null for OAuth-only accounts
    player_class   VARCHAR(32)  NOT NULL,
    roles          VARCHAR(128) NOT NULL DEFAULT 'PLAYER',
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX gateway_account_handle_uq ON gateway_account (lower(handle));
CREATE UNIQUE INDEX gateway_account_email_uq ON gateway_account (lower(email));

-- Refresh tokens: only a SHA-256 of the token is stored. Tokens of one login form a family;
-- presenting a token that was already used revokes the whole family (reuse detection).
CREATE TABLE gateway_refresh_token (
    token_hash   CHAR(64)     PRIMARY KEY,
    family_id    VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL REFERENCES gateway_account (account_id),
    issued_at    TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    used_at      TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX gateway_refresh_token_family_ix ON gateway_refresh_token (family_id);
CREATE INDEX gateway_refresh_token_expiry_ix ON gateway_refresh_token (expires_at);
