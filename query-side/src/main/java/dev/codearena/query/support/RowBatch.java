package dev.codearena.query.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pending writes of one table within one processor batch: new rows, and column changes of rows
 * that already exist. A change to a row inserted in the same batch is folded into that row, so a match
 * created and finished within one batch becomes a single INSERT. Flushing groups rows by the set of
 * columns they carry and sends each group as one JDBC batch, in the order rows were first touched. Flush
 * deletes, then inserts, then updates.
 */
public final class RowBatch {

    private final String table;
    private final List<String> keyColumns;
    private final Map<List<Object>, Map<String, Object>> inserts = new LinkedHashMap<>();
    private final Map<List<Object>, Map<String, Object>> updates = new LinkedHashMap<>();
    private final Set<List<Object>> deletes = new LinkedHashSet<>();

    public RowBatch(String table, String... keyColumns) {
        this.table = table;
        this.keyColumns = List.of(keyColumns);
    }

    /** A new row; {@code columns} must include the key columns. */
    public void insert(Map<String, Object> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        columns.forEach((column, value) -> row.put(column, jdbcValue(value)));
        inserts.put(keyOf(row), row);
    }

    /** Sets a column of the row with this key (in this batch's insert if there is one, else an UPDATE). */
    public void set(List<Object> key, String column, Object value) {
        Map<String, Object> inserted = inserts.get(key);
        if (inserted != null) {
            inserted.put(column, jdbcValue(value));
        } else {
            updates.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(column, jdbcValue(value));
        }
    }

    /**
     * Removes the row with this key. A row inserted in this batch just disappears (with its changes), so an
     * insert and a delete within one batch write nothing; a row stored by an earlier batch gets a DELETE,
     * which {@link #flushDeletes} sends before this batch's inserts (a row deleted and inserted again in one
     * batch, e.g. a player who left and rejoined, ends up stored once).
     */
    public void delete(List<Object> key) {
        updates.remove(key);
        if (inserts.remove(key) == null) {
            deletes.add(key);
        }
    }

    /** A column of the row with this key as inserted in this batch, or null if it was not inserted here. */
    public Object inserted(List<Object> key, String column) {
        Map<String, Object> row = inserts.get(key);
        return row == null ? null : row.get(column);
    }

    public boolean isInserted(List<Object> key) {
        return inserts.containsKey(key);
    }

    public static List<Object> key(Object... parts) {
        return List.of(parts);
    }

    public void flushDeletes(JdbcTemplate jdbc) {
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE " + whereKey(),
                    deletes.stream().map(List::toArray).toList());
        }
    }

    public void flushInserts(JdbcTemplate jdbc) {
        Map<List<String>, List<Object[]>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : inserts.values()) {
            groups.computeIfAbsent(List.copyOf(row.keySet()), c -> new ArrayList<>()).add(row.values().toArray());
        }
        groups.forEach((columns, rows) -> jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", rows));
    }

    public void flushUpdates(JdbcTemplate jdbc) {
        Map<List<String>, List<Object[]>> groups = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Map<String, Object>> update : updates.entrySet()) {
            List<Object> args = new ArrayList<>(update.getValue().values());
            args.addAll(update.getKey());
            groups.computeIfAbsent(List.copyOf(update.getValue().keySet()), c -> new ArrayList<>()).add(args.toArray());
        }
        String where = whereKey();
        groups.forEach((columns, rows) -> jdbc.batchUpdate("UPDATE " + table + " SET "
                + String.join(", ", columns.stream().map(c -> c + " = ?").toList()) + " WHERE " + where, rows));
    }

    private String whereKey() {
        return String.join(" AND ", keyColumns.stream().map(c -> c + " = ?").toList());
    }

    private List<Object> keyOf(Map<String, Object> row) {
        return keyColumns.stream().map(row::get).toList();
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }
}
