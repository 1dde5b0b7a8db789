package dev.codearena.command.auth;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The end of a successful OAuth2 sign-in: finds or creates the account linked to the provider's
 * subject, sets the same refresh cookie as a password sign-in and sends the browser back to the
 * SPA, which gets its access token from {@code POST /api/auth/refresh}. The web session that held
 * the authorization request is dropped: after this the gateway is stateless again.
 */
final class OAuthSignIn implements ServerAuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(OAuthSignIn.class);

    private final AccountService accounts;
    private final AuthProperties properties;
    private final URI successUrl;
    private final URI failureUrl;
    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    OAuthSignIn(AccountService accounts, AuthProperties properties, URI successUrl, URI failureUrl) {
        this.accounts = accounts;
        this.properties = properties;
        this.successUrl = successUrl;
        this.failureUrl = failureUrl;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webExchange, Authentication authentication) {
        ServerWebExchange exchange = webExchange.getExchange();
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        return Mono.fromCallable(() -> ProviderIdentity.of(token.getAuthorizedClientRegistrationId(), token.getPrincipal().getAttributes()))
                .flatMap(accounts::signInWith)
                .flatMap(session -> exchange.getSession().flatMap(WebSession::invalidate)
                        .then(Mono.fromRunnable(() -> exchange.getResponse().addCookie(
                                AuthRoutes.refreshCookie(properties, session.refreshToken(), properties.refreshTokenTtl()))))
                        .then(redirects.sendRedirect(exchange, successUrl)))
                .onErrorResume(e -> {
                    log.warn("OAuth2 sign-in through {} failed", token.getAuthorizedClientRegistrationId(), e);
                    return redirects.sendRedirect(exchange, failureUrl);
                });
    }
}
