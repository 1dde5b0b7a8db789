package dev.codearena.query.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codearena.platform.security.AccessTokenVerifier;
import dev.codearena.platform.security.JwtKeys;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The admin gate and the access-token verifier it uses. The key is the one command-side signs with:
 * {@code codearena.auth.jwt-secret}, or the secret generated into {@code ${codearena.data-dir}/gateway/jwt-secret}
 * (the same file in the one-process arena; a separately deployed query side needs the same secret or data directory).
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    @ConditionalOnMissingBean(AccessTokenVerifier.class)
    AccessTokenVerifier accessTokenVerifier(@Value("${codearena.auth.jwt-secret:}") String secret,
                                            @Value("${codearena.data-dir:./data}") Path dataDir, ObjectProvider<Clock> clock) {
        return new AccessTokenVerifier(JwtKeys.resolve(secret, dataDir), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @Order(-100)
    AdminGate adminGate(AccessTokenVerifier tokens, ObjectMapper json) {
        return new AdminGate(tokens, json);
    }
}
