package dev.codearena.query.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Wires the admin gate; a bean of type {@link AdminAuthorization} elsewhere (the gateway's JWT roles) takes over. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    @ConditionalOnMissingBean(AdminAuthorization.class)
    AdminAuthorization headerTokenAdminAuthorization(@Value("${codearena.query.admin-token:}") String token) {
        return new HeaderTokenAdminAuthorization(token);
    }

    @Bean
    @Order(-100)
    AdminGate adminGate(AdminAuthorization authorization, ObjectMapper json) {
        return new AdminGate(authorization, json);
    }
}
