package dev.codearena.command.http;

import dev.codearena.command.auth.AccessTokens;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    RestSupport restSupport(AccessTokens tokens, Validator validator) {
        return new RestSupport(tokens, validator);
    }
}
