package dev.codearena.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.platform.PlatformAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration;
import org.springframework.boot.autoconfigure.r2dbc.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * With R2DBC on the classpath there are two transaction managers; the JDBC one is the explicit
 * choice for anything that asks by the common type (an unqualified {@code @Transactional}).
 * Nothing connects here: both pools open connections lazily.
 */
class TransactionManagerChoiceTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class, R2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                    "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:1/none", "spring.r2dbc.username=nobody");

    @Test
    void theJdbcTransactionManagerIsThePrimaryOneBesideTheReactiveOne() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBeansOfType(TransactionManager.class)).as("both kinds are registered").hasSize(2);
            assertThat(ctx).hasSingleBean(ReactiveTransactionManager.class);
            assertThat(ctx.getBean(TransactionManager.class)).isInstanceOf(DataSourceTransactionManager.class)
                    .isSameAs(ctx.getBean(PlatformTransactionManager.class));
        });
    }
}
