package dev.codearena.command.auth;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.player.ChangePlayerClassCommand;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.RegisterPlayerCommand;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Registration, sign-in, refresh and sign-out. Blocking work (JDBC, Argon2, the command bus) runs on
 * the bounded-elastic scheduler, never on the event loop.
 */
class AccountService {

    private final AccountStore accounts;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final CommandGateway commands;
    private final TransactionTemplate tx;
    private final Set<String> adminHandles;
    /** Compared against when the login names nobody, so both failures cost the same time. */
    private final String decoyHash;

    AccountService(AccountStore accounts, RefreshTokens refreshTokens, AccessTokens accessTokens, PasswordEncoder passwords,
                   LoginThrottle throttle, CommandGateway commands, TransactionTemplate tx, Set<String> adminHandles) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.commands = commands;
        this.tx = tx;
        this.adminHandles = adminHandles.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Creates the account and the domain Player in one transaction (Axon's unit of work joins it), so
     * neither exists without the other. A taken handle or email gets one answer for both, so the
     * endpoint does not tell whether an email has an account.
     */
    Mono<Session> register(AuthRequests.Register request) {
        return Mono.fromCallable(() -> {
            String hash = passwords.encode(request.password());
            String id = UUID.randomUUID().toString();
            Account account = new Account(id, request.handle(), request.email().trim(), hash, request.playerClass(),
                    rolesFor(request.handle(), EnumSet.of(Role.PLAYER)));
            try {
                tx.executeWithoutResult(status -> {
                    accounts.insert(account);
                    commands.sendAndWait(new RegisterPlayerCommand(PlayerId.of(id), request.handle(), request.playerClass()));
                });
            } catch (DuplicateKeyException e) {
                throw CodeArenaException.rule(ErrorCode.REGISTRATION_REJECTED);
            }
            return open(account);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Session> login(AuthRequests.Login request, String address) {
        String login = request.login().trim();
        return throttle.lockRemaining(login, address).flatMap(locked -> {
            if (!locked.isZero()) {
                return Mono.error(tooMany(locked));
            }
            return Mono.fromCallable(() -> {
                        var account = accounts.findByLogin(login);
                        boolean ok = passwords.matches(request.password(),
                                account.map(Account::passwordHash).filter(h -> h != null).orElse(decoyHash));
                        return ok && account.isPresent() ? account : java.util.Optional.<Account>empty();
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(found -> found.isPresent()
                            ? throttle.reset(login, address).then(Mono.fromCallable(() -> open(found.get()))
                                    .subscribeOn(Schedulers.boundedElastic()))
                            : throttle.recordFailure(login, address).then(Mono.error(
                                    CodeArenaException.invalid(ErrorCode.INVALID_CREDENTIALS, null))));
        });
    }

    /**
     * Signs in the account linked to the provider's subject, creating it on first sign-in: a free
     * handle derived from the provider's (the player picks a class later; HACKER until then), no
     * password, and the provider's e-mail only when it vouches for it and nobody uses it yet. An
     * existing account is never found by e-mail: that would let whoever controls a provider account
     * showing your address take over your account.
     */
    Mono<Session> signInWith(ProviderIdentity identity) {
        return Mono.fromCallable(() -> open(accounts.findByIdentity(identity.provider(), identity.subject())
                        .orElseGet(() -> createLinked(identity))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Account createLinked(ProviderIdentity identity) {
        String email = identity.verifiedEmail() != null && !accounts.emailTaken(identity.verifiedEmail())
                ? identity.verifiedEmail()
                : identity.provider() + "-" + identity.subject() + "@users.oauth.invalid";
        for (int attempt = 0; attempt < 10; attempt++) {
            String handle = FederatedHandles.candidate(identity.suggestedHandle(), attempt);
            if (accounts.handleTaken(handle)) {
                continue;
            }
            Account account = new Account(UUID.randomUUID().toString(), handle, email, null, PlayerClass.HACKER,
                    rolesFor(handle, EnumSet.of(Role.PLAYER)));
            try {
                tx.executeWithoutResult(status -> {
                    accounts.insert(account);
                    accounts.link(identity.provider(), identity.subject(), account.accountId());
                    commands.sendAndWait(new RegisterPlayerCommand(PlayerId.of(account.accountId()), handle, account.playerClass()));
                });
                return account;
            } catch (DuplicateKeyException e) {
                // the same person signing in twice at once, or the handle taken meanwhile
                var linked = accounts.findByIdentity(identity.provider(), identity.subject());
                if (linked.isPresent()) {
                    return linked.get();
                }
            }
        }
        throw CodeArenaException.rule(ErrorCode.REGISTRATION_REJECTED, "No free handle could be derived; try again.");
    }

    /** The player picks (or changes) their class; returns a fresh access token that carries it. */
    Mono<Session> changeClass(AuthenticatedPlayer player, PlayerClass playerClass) {
        return Mono.fromCallable(() -> {
            String id = player.playerId().value();
            tx.executeWithoutResult(status -> {
                if (!accounts.changeClass(id, playerClass)) {
                    throw CodeArenaException.invalid(ErrorCode.UNAUTHENTICATED, "The account no longer exists.");
                }
                commands.sendAndWait(new ChangePlayerClassCommand(player.playerId(), playerClass));
            });
            Account account = accounts.findById(id).orElseThrow();
            AuthenticatedPlayer updated = toPlayer(account);
            return new Session(updated, accessTokens.issue(updated), accessTokens.ttl().toSeconds(), null);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Session> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.error(CodeArenaException.invalid(ErrorCode.INVALID_REFRESH_TOKEN, null));
        }
        return Mono.fromCallable(() -> {
            RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
            Account account = accounts.findById(rotation.accountId())
                    .orElseThrow(() -> CodeArenaException.invalid(ErrorCode.INVALID_REFRESH_TOKEN, null));
            AuthenticatedPlayer player = toPlayer(account);
            return new Session(player, accessTokens.issue(player), accessTokens.ttl().toSeconds(), rotation.token());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> logout(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> refreshTokens.revokeFamilyOf(refreshToken)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Session open(Account account) {
        AuthenticatedPlayer player = toPlayer(account);
        return new Session(player, accessTokens.issue(player), accessTokens.ttl().toSeconds(),
                refreshTokens.issue(account.accountId()));
    }

    private AuthenticatedPlayer toPlayer(Account account) {
        return new AuthenticatedPlayer(PlayerId.of(account.accountId()), account.handle(), account.playerClass(),
                rolesFor(account.handle(), account.roles()));
    }

    /** Admins named in configuration are admins whenever they sign in, without a database edit. */
    private Set<Role> rolesFor(String handle, Set<Role> stored) {
        Set<Role> roles = EnumSet.copyOf(stored);
        roles.add(Role.PLAYER);
        if (adminHandles.contains(handle.toLowerCase(Locale.ROOT))) {
            roles.add(Role.ADMIN);
        }
        return roles;
    }

    private static CodeArenaException tooMany(Duration locked) {
        return CodeArenaException.rule(ErrorCode.TOO_MANY_ATTEMPTS,
                "Too many failed sign-ins: try again in " + Math.max(1, locked.toSeconds()) + " s.");
    }
}
