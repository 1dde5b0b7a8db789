package dev.codearena.command.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GitHub and Google sign-in through Spring Security's OAuth2 client, on only when a provider is
 * registered ({@code spring.security.oauth2.client.registration.<github|google>.client-id} and
 * {@code client-secret}; see docs/auth.md). Everything else stays as before: the API authenticates
 * with its own JWTs, so this filter chain permits every request, keeps no security context and
 * takes part only in {@code /oauth2/authorization/{provider}} and {@code /login/oauth2/code/{provider}}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE) // not in contexts without a web server
class OAuthConfiguration {

    @Bean
    SecurityWebFilterChain codearenaSecurity(ServerHttpSecurity http, ObjectProvider<ReactiveClientRegistrationRepository> registrations,
                                             AccountService accounts, AuthProperties properties,
                                             @Value("${codearena.auth.oauth2.success-url:/}") URI successUrl,
                                             @Value("${codearena.auth.oauth2.failure-url:/?signInError=oauth}") URI failureUrl) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // the SPA's assets keep their own caching; the other default headers stay
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll());
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(login -> login
                    .authorizedClientRepository(new WebSessionServerOAuth2AuthorizedClientRepository())
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .authenticationSuccessHandler(new OAuthSignIn(accounts, properties, successUrl, failureUrl))
                    .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(failureUrl.toString())));
        }
        return http.build();
    }

    /** {@code GET /api/auth/providers}: the sign-in providers configured here, so the SPA offers only those. */
    @Bean
    RouterFunction<ServerResponse> oauthProvidersRouter(ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        List<Map<String, String>> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                ClientRegistration registration = (ClientRegistration) each;
                providers.add(Map.of("id", registration.getRegistrationId(), "name", registration.getClientName(),
                        "signInPath", "/oauth2/authorization/" + registration.getRegistrationId()));
            }
        }
        Map<String, Object> body = Map.of("providers", List.copyOf(providers));
        return RouterFunctions.route().GET("/api/auth/providers", request -> ServerResponse.ok().bodyValue(body)).build();
    }
}
