package dev.codearena.platform;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Contributes {@code eventStore} to /actuator/health and its readiness group. Ordered after
 * Axon's configurations because the event store comes either from the JDBC storage engine or
 * from Axon Server.
 */
@AutoConfiguration(afterName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"},
        beforeName = "org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
public class EventStoreHealthAutoConfiguration {

    @Bean
    @ConditionalOnBean(EventStore.class)
    @ConditionalOnMissingBean(name = "eventStoreHealthIndicator")
    HealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }
}
