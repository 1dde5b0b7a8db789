package dev.codearena.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The query side's wiring. Its settings (processors, OpenAPI) live in {@code codearena-query.properties}
 * rather than an {@code application.properties}, so that they also apply inside the one-process arena.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:codearena-query.properties")
class QuerySideConfiguration {

    /**
     * A handler that fails must stop its processor's batch, not be logged and skipped (Axon's default for
     * event handlers): the batch rolls back with its token and is retried, so no event is lost or applied
     * twice.
     */
    @Bean
    ConfigurerModule queryProcessorsPropagateErrors() {
        return configurer -> QueryProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
