package dev.codearena.query.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
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

    /** A column as this batch changes it for a row stored by an earlier batch, or null if it does not. */
    public Object updated(List<Object> key, String column) {
        Map<String, Object> row = updates.get(key);
        return row == null ? null : row.get(column);
    }

    /** The rows inserted in this batch (as they will be written), in the order they were first inserted. */
    public Collection<Map<String, Object>> insertedRows() {
        return java.util.Collections.unmodifiableCollection(inserts.values());
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

    /**
     * Like {@link #flushInserts} but each group of rows (rows with the same columns) goes as ONE {@code COPY ... FROM
     * STDIN} in PostgreSQL's text format, values as in {@link #flushInsertsAsArrays}. COPY parses each value straight into
     * its column's type and inserts the rows as a multi-row insert (tuples packed into pages, one WAL record per page),
     * which costs PostgreSQL less than an {@code INSERT ... SELECT FROM unnest(arrays)} of the same rows. Runs on the
     * connection of the current transaction, like every statement of the JdbcTemplate.
     */
    public void flushInsertsByCopy(JdbcTemplate jdbc) {
        if (inserts.isEmpty()) {
            return;
        }
        Map<List<String>, StringBuilder> groups = new LinkedHashMap<>();
        List<String> lastColumns = null;
        StringBuilder last = null;
        for (Map<String, Object> row : inserts.values()) {
            StringBuilder text = lastColumns != null && sameColumns(lastColumns, row) ? last : null;
            if (text == null) {
                lastColumns = List.copyOf(row.keySet());
                text = groups.computeIfAbsent(lastColumns, c -> new StringBuilder());
                last = text;
            }
            boolean first = true;
            for (Object value : row.values()) {
                if (!first) {
                    text.append('\t');
                }
                first = false;
                appendCopyText(text, arrayText(value));
            }
            text.append('\n');
        }
        groups.forEach((columns, text) -> {
            String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
            byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
            jdbc.execute((ConnectionCallback<Long>) connection -> {
                try {
                    return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(data));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    private static boolean sameColumns(List<String> columns, Map<String, Object> row) {
        if (columns.size() != row.size()) {
            return false;
        }
        int i = 0;
        for (String column : row.keySet()) {
            if (!column.equals(columns.get(i++))) {
                return false;
            }
        }
        return true;
    }

    /** A value in COPY's text format: {@code \N} for null; backslash, tab, newline and carriage return escaped. */
    private static void appendCopyText(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /**
     * Like {@link #flushInserts} but each group of rows goes as ONE statement, {@code INSERT ... SELECT FROM
     * unnest(arrays)}: one array per column, sent as text and cast to {@code columnTypes} (a column not listed is
     * {@code text}). PostgreSQL then plans and executes one statement instead of one per row, which is most of the
     * cost of a JDBC batch of single-row inserts. Timestamps go as ISO-8601 instants (microseconds, as stored).
     */
    public void flushInsertsAsArrays(JdbcTemplate jdbc, Map<String, String> columnTypes) {
        Map<List<String>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : inserts.values()) {
            groups.computeIfAbsent(List.copyOf(row.keySet()), c -> new ArrayList<>()).add(row);
        }
        groups.forEach((columns, rows) -> {
            String[][] arrays = new String[columns.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                int c = 0;
                for (Object value : rows.get(r).values()) {
                    arrays[c++][r] = arrayText(value);
                }
            }
            insertArrays(jdbc, table, columns, columnTypes, arrays);
        });
    }

    /** {@code INSERT INTO table (columns) SELECT ... FROM unnest(one text array per column)} with the given values. */
    public static int insertArrays(JdbcTemplate jdbc, String table, List<String> columns, Map<String, String> columnTypes,
                                   Object[][] arrays) {
        return insertArrays(jdbc, table, columns, columnTypes, arrays, "");
    }

    /** As {@link #insertArrays(JdbcTemplate, String, List, Map, Object[][])} with a tail such as {@code ON CONFLICT DO NOTHING}. */
    public static int insertArrays(JdbcTemplate jdbc, String table, List<String> columns, Map<String, String> columnTypes,
                                   Object[][] arrays, String tail) {
        if (arrays.length == 0 || arrays[0].length == 0) {
            return 0;
        }
        List<String> casts = columns.stream().map(c -> "u." + c + "::" + columnTypes.getOrDefault(c, "text")).toList();
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", casts)
                + " FROM unnest(" + String.join(", ", columns.stream().map(c -> "?::text[]").toList()) + ") AS u("
                + String.join(", ", columns) + ") " + tail;
        return jdbc.update(sql, statement -> {
            for (int c = 0; c < arrays.length; c++) {
                Object[] column = arrays[c];
                String[] text = column instanceof String[] strings ? strings : new String[column.length];
                if (text != column) {
                    for (int r = 0; r < column.length; r++) {
                        text[r] = arrayText(column[r]);
                    }
                }
                statement.setArray(c + 1, statement.getConnection().createArrayOf("text", text));
            }
        });
    }

    /**
     * A value as the text PostgreSQL casts back to it. Timestamps are rounded to the microsecond, half up, as the JDBC
     * driver does for a {@code Timestamp} parameter (PostgreSQL itself would round a longer fraction half to even), so a
     * row written through arrays equals one written with parameters.
     */
    private static String arrayText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            Instant at = timestamp.toInstant();
            int nanos = at.getNano();
            int rounded = (nanos + 500) / 1000 * 1000;
            return (rounded == nanos ? at : Instant.ofEpochSecond(at.getEpochSecond(), rounded)).toString();
        }
        return value.toString();
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

    /**
     * Like {@link #flushUpdates} but each group of rows (rows changing the same columns) goes as ONE statement,
     * {@code UPDATE table SET ... FROM unnest(arrays) WHERE key matches}, with the values sent as in
     * {@link #flushInsertsAsArrays}. Each row appears once in this batch's updates, so no row is updated twice by one
     * statement.
     */
    public void flushUpdatesAsArrays(JdbcTemplate jdbc, Map<String, String> columnTypes) {
        Map<List<String>, List<Map.Entry<List<Object>, Map<String, Object>>>> groups = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Map<String, Object>> update : updates.entrySet()) {
            groups.computeIfAbsent(List.copyOf(update.getValue().keySet()), c -> new ArrayList<>()).add(update);
        }
        groups.forEach((columns, rows) -> {
            List<String> all = new ArrayList<>(keyColumns);
            all.addAll(columns);
            String[][] arrays = new String[all.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                int c = 0;
                for (Object part : rows.get(r).getKey()) {
                    arrays[c++][r] = arrayText(jdbcValue(part));
                }
                for (Object value : rows.get(r).getValue().values()) {
                    arrays[c++][r] = arrayText(value);
                }
            }
            String sql = "UPDATE " + table + " AS t SET "
                    + String.join(", ", columns.stream().map(c -> c + " = u." + c + "::" + columnTypes.getOrDefault(c, "text")).toList())
                    + " FROM unnest(" + String.join(", ", all.stream().map(c -> "?::text[]").toList()) + ") AS u("
                    + String.join(", ", all) + ") WHERE "
                    + String.join(" AND ", keyColumns.stream().map(c -> "t." + c + " = u." + c + "::" + columnTypes.getOrDefault(c, "text")).toList());
            jdbc.update(sql, statement -> {
                for (int c = 0; c < arrays.length; c++) {
                    statement.setArray(c + 1, statement.getConnection().createArrayOf("text", arrays[c]));
                }
            });
        });
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
