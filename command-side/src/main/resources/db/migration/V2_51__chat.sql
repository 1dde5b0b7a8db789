-- Chat messages kept for moderation and history (retention: codearena.chat.retention, purged hourly).
CREATE TABLE gateway_chat_message (
    message_id   VARCHAR(64)  PRIMARY KEY,
    channel      VARCHAR(16)  NOT NULL,
    match_id     VARCHAR(100),
    player_id    VARCHAR(64)  NOT NULL,
    handle       VARCHAR(20)  NOT NULL,
    body         VARCHAR(500) NOT NULL,
    sent_at      TIMESTAMPTZ  NOT NULL,
    removed_at   TIMESTAMPTZ,
    removed_by   VARCHAR(64)
);
CREATE INDEX gateway_chat_message_sent_ix ON gateway_chat_message (sent_at);
CREATE INDEX gateway_chat_message_match_ix ON gateway_chat_message (match_id, sent_at);
