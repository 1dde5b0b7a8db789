package dev.codearena.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The event store on PostgreSQL: Axon's JDBC storage engine as Axon's own auto-configuration builds
 * it, with {@link FastTrackingJdbcEventStorageEngine}'s cheaper reads and a larger fetch batch
 * ({@code codearena.event-store.fetch-batch-size}, Axon's default is 100 rows per query: a tracking
 * processor replaying a million events would otherwise issue ten thousand queries). Backs off when
 * Axon Server is the event store.
 * <p>
 * An append that hits the unique (aggregate, sequence number) key, because another instance appended
 * first, is reported by Axon as {@code ConcurrencyException}, or as {@code AggregateStreamCreationException}
 * when the collision is on an aggregate's first event. That needs a resolver that recognises PostgreSQL's
 * unique violation: the one Axon's JDBC auto-configuration installs looks for
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so every
 * collision would surface as a plain {@code EventStoreException}.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
public class EventStorageAutoConfiguration {

    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;
    private static final String POSTGRESQL_UNIQUE_VIOLATION = "23505";

    @Bean
    @ConditionalOnMissingBean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(POSTGRESQL_UNIQUE_VIOLATION);
    }

    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventStore.class})
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer, Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          ObjectProvider<EventSchema> schema,
                                          @Value("${codearena.event-store.fetch-batch-size:1000}") int fetchBatchSize) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema.getIfAvailable(EventSchema::new))
                .batchSize(fetchBatchSize);
        return new FastTrackingJdbcEventStorageEngine(builder, LOWEST_GLOBAL_SEQUENCE, MAX_GAP_OFFSET, GAP_TIMEOUT_MILLIS);
    }
}
