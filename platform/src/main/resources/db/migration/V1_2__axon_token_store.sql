-- Axon's JdbcTokenStore with the default TokenSchema (PostgresTokenTableFactory: bytea token).
-- Tracking processors write their token here in the same transaction as their projection.
CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA        NULL,
    tokentype     VARCHAR(255) NULL,
    timestamp     VARCHAR(255) NULL,
    owner         VARCHAR(255) NULL,
    PRIMARY KEY (processorname, segment)
);
