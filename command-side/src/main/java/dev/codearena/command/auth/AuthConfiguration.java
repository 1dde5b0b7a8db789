package dev.codearena.command.auth;

import dev.codearena.command.http.RestSupport;
import dev.codearena.platform.security.JwtKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Accounts, passwords (Argon2id), tokens and the {@code /api/auth} routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
class AuthConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id, 16 MiB, 2 iterations (OWASP's minimum profile): ~40 ms here, bounded memory per login.
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AccessTokens accessTokens(AuthProperties properties, @Value("${codearena.data-dir:./data}") Path dataDir,
                              ObjectProvider<Clock> clock) {
        return new AccessTokens(JwtKeys.resolve(properties.jwtSecret(), dataDir), properties.accessTokenTtl(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AccountStore accountStore(JdbcTemplate jdbc) {
        return new AccountStore(jdbc);
    }

    @Bean
    RefreshTokens refreshTokens(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuthProperties properties,
                                ObjectProvider<Clock> clock) {
        return new RefreshTokens(jdbc, new TransactionTemplate(transactions), properties.refreshTokenTtl(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    LoginThrottle loginThrottle(ReactiveStringRedisTemplate redis, AuthProperties properties) {
        return new LoginThrottle(redis, properties.freeLoginAttempts(), properties.maxLockout());
    }

    @Bean
    AccountService accountService(AccountStore store, RefreshTokens refreshTokens, AccessTokens accessTokens,
                                  PasswordEncoder passwords, LoginThrottle throttle, CommandGateway commands,
                                  PlatformTransactionManager transactions, AuthProperties properties,
                                  @Value("${codearena.admin.handles:}") List<String> adminHandles) {
        Set<String> admins = new HashSet<>(properties.adminHandles());
        adminHandles.stream().filter(h -> !h.isBlank()).forEach(admins::add);
        return new AccountService(store, refreshTokens, accessTokens, passwords, throttle, commands,
                new TransactionTemplate(transactions), admins);
    }

    @Bean
    RouterFunction<ServerResponse> authRouter(AccountService accounts, RestSupport rest, AuthProperties properties) {
        AuthRoutes routes = new AuthRoutes(accounts, rest, properties);
        return RouterFunctions.route()
                .POST("/api/auth/register", routes::register)
                .POST("/api/auth/login", routes::login)
                .POST("/api/auth/refresh", routes::refresh)
                .POST("/api/auth/logout", routes::logout)
                .GET("/api/auth/me", routes::me)
                .POST("/api/auth/class", routes::chooseClass)
                .build();
    }

    @Bean
    RefreshTokenPurge refreshTokenPurge(RefreshTokens tokens) {
        return new RefreshTokenPurge(tokens);
    }

    static class RefreshTokenPurge {
        private final RefreshTokens tokens;

        RefreshTokenPurge(RefreshTokens tokens) {
            this.tokens = tokens;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
        void purge() {
            tokens.purgeExpired();
        }
    }
}
