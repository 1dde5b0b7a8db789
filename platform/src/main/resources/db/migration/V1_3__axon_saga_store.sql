-- Axon's JdbcSagaStore with PostgresSagaSqlSchema (default SagaSchema names).
CREATE TABLE sagaentry (
    sagaid         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagatype       VARCHAR(255),
    serializedsaga BYTEA,
    PRIMARY KEY (sagaid)
);

CREATE TABLE associationvalueentry (
    id               BIGSERIAL    NOT NULL,
    associationkey   VARCHAR(255),
    associationvalue VARCHAR(255),
    sagaid           VARCHAR(255),
    sagatype         VARCHAR(255),
    PRIMARY KEY (id)
);

-- Every event a saga processor handles looks its sagas up by (key, value, type).
CREATE INDEX associationvalueentry_lookup_idx
    ON associationvalueentry (sagatype, associationkey, associationvalue);
CREATE INDEX associationvalueentry_saga_idx
    ON associationvalueentry (sagaid, sagatype);
