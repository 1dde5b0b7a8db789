package dev.codearena.platform;

import com.zaxxer.hikari.HikariDataSource;
import dev.codearena.platform.json.IsoInstantModule;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Axon on PostgreSQL through JDBC. Axon's own JDBC auto-configuration supplies the event
 * storage engine, token store and saga store once a {@link DataSource} exists; the schema
 * comes from the Flyway migrations in {@code db/migration} (V1_x). Deadlines go through
 * db-scheduler (Axon's {@code DbSchedulerDeadlineManager}, auto-configured when the scheduler
 * bean exists).
 */
@AutoConfiguration(
        before = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
                "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration",
                "org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties(DataSourceProperties.class)
public class PlatformAutoConfiguration {

    /**
     * Declared here rather than left to Boot: Boot's DataSource backs off as soon as an R2DBC
     * ConnectionFactory exists (query-side reads through R2DBC), and Axon needs JDBC
     * (stack-notes 2).
     */
    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("codearena-jdbc");
        return dataSource;
    }

    /**
     * Declared explicitly because with R2DBC present Boot would otherwise register only a
     * reactive transaction manager. Axon wraps this one, so a tracking projection writes its
     * rows and its token in one JDBC transaction.
     *
     * <p>Primary, because where R2DBC is on the classpath (query-side, arena) Boot adds an
     * {@code R2dbcTransactionManager} next to it, and a lookup by the common type (what
     * {@code @Transactional} without a qualifier does) would otherwise find two and fail. The
     * choice: every transaction in CodeArena is JDBC (the event store, token and saga stores,
     * read-model writes, accounts); the R2DBC connections only read, outside transactions. Code
     * that ever needs a reactive transaction names the other one
     * ({@code connectionFactoryTransactionManager}) explicitly.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(PlatformTransactionManager.class)
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    /** Matches V1_3__axon_saga_store.sql (bytea, bigserial). */
    @Bean
    @ConditionalOnMissingBean(SagaSqlSchema.class)
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /** Picked up by Boot's ObjectMapper, which Axon's Jackson serializer uses too (events, tokens). */
    @Bean
    @ConditionalOnMissingBean(IsoInstantModule.class)
    IsoInstantModule isoInstantModule() {
        return new IsoInstantModule();
    }

    @Bean
    ArenaStartupReport arenaStartupReport(Environment environment) {
        return new ArenaStartupReport(environment);
    }
}
