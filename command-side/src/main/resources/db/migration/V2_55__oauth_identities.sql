-- Accounts signed in through an OAuth2 provider (GitHub, Google): the provider's stable subject
-- (GitHub's numeric user id, Google's "sub") names the account, never the e-mail address, so a
-- provider account that shows someone else's e-mail cannot take over that person's account.
CREATE TABLE gateway_oauth_identity (
    provider    VARCHAR(32)  NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    account_id  VARCHAR(64)  NOT NULL REFERENCES gateway_account (account_id),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);
CREATE INDEX gateway_oauth_identity_account_ix ON gateway_oauth_identity (account_id);
