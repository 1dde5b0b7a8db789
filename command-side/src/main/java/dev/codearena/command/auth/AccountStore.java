package dev.codearena.command.auth;

import dev.codearena.api.player.PlayerClass;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code gateway_account} over JDBC (callers run it off the event loop). */
class AccountStore {

    private final JdbcTemplate jdbc;

    AccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the handle or email is taken */
    void insert(Account account) {
        jdbc.update("INSERT INTO gateway_account (account_id, handle, email, password_hash, player_class, roles) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                account.accountId(), account.handle(), account.email(), account.passwordHash(),
                account.playerClass().name(), encode(account.roles()));
    }

    Optional<Account> findByLogin(String handleOrEmail) {
        List<Account> found = jdbc.query("SELECT * FROM gateway_account WHERE lower(handle) = lower(?) OR lower(email) = lower(?)",
                AccountStore::map, handleOrEmail, handleOrEmail);
        return found.stream().findFirst();
    }

    /** The account an OAuth2 provider's subject is linked to. */
    Optional<Account> findByIdentity(String provider, String subject) {
        return jdbc.query("SELECT a.* FROM gateway_account a JOIN gateway_oauth_identity i ON i.account_id = a.account_id "
                + "WHERE i.provider = ? AND i.subject = ?", AccountStore::map, provider, subject).stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the subject is already linked */
    void link(String provider, String subject, String accountId) {
        jdbc.update("INSERT INTO gateway_oauth_identity (provider, subject, account_id) VALUES (?, ?, ?)", provider, subject, accountId);
    }

    boolean handleTaken(String handle) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM gateway_account WHERE lower(handle) = lower(?))",
                Boolean.class, handle));
    }

    boolean emailTaken(String email) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM gateway_account WHERE lower(email) = lower(?))",
                Boolean.class, email));
    }

    /** @return whether the account exists */
    boolean changeClass(String accountId, PlayerClass playerClass) {
        return jdbc.update("UPDATE gateway_account SET player_class = ? WHERE account_id = ?", playerClass.name(), accountId) == 1;
    }

    Optional<Account> findById(String accountId) {
        return jdbc.query("SELECT * FROM gateway_account WHERE account_id = ?", AccountStore::map, accountId)
                .stream().findFirst();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = Arrays.stream(rs.getString("roles").split(","))
                .filter(s -> !s.isBlank()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(rs.getString("account_id"), rs.getString("handle"), rs.getString("email"),
                rs.getString("password_hash"), PlayerClass.valueOf(rs.getString("player_class")), roles);
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
