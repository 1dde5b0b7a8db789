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
