package dev.codearena.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codearena.platform.embedded.EmbeddedInfrastructure;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows written through {@code unnest} arrays ({@link RowBatch#flushInsertsAsArrays}, {@link RowBatch#flushUpdatesAsArrays})
 * or {@code COPY} ({@link RowBatch#flushInsertsByCopy}) equal rows written with one parameterised statement per row ({@link RowBatch#flushInserts}, {@link RowBatch#flushUpdates}),
 * value for value: text that looks like array syntax or {@code NULL}, nulls, integers, bigints, booleans, and timestamps
 * with a sub-microsecond fraction (a half microsecond included: the driver rounds it up, PostgreSQL's own parser would
 * round it to even).
 */
@EmbeddedInfrastructureTest
class RowBatchArraysTest {

    private static final Map<String, String> TYPES = Map.of("n", "integer", "big", "bigint", "flag", "boolean",
            "at", "timestamptz", "part", "integer");
    private static final String[] TEXTS = {"plain", "", "NULL", "null", "with \"quotes\"", "back\\slash", "{braces,comma}",
            "tab\tand\nnewline", "ünïcødé ✓", " spaced ", "'single'", "a,b", "\\N", "\\.", "carriage\rreturn"};

    @Test
    void arraysWriteWhatParametersWrite() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructureExtension.infrastructure();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                EmbeddedInfrastructureExtension.newDatabase("row_batch_arrays"), infrastructure.username(), "");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String table : List.of("by_parameters", "by_arrays", "by_copy")) {
            jdbc.execute("CREATE TABLE " + table + " (id VARCHAR(50) NOT NULL, part INTEGER NOT NULL, label TEXT, code VARCHAR(20),"
                    + " n INTEGER, big BIGINT, flag BOOLEAN NOT NULL DEFAULT FALSE, at TIMESTAMPTZ, PRIMARY KEY (id, part))");
        }
        Random random = new Random(11);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(row(random, i));
        }
        RowBatch parameters = new RowBatch("by_parameters", "id", "part");
        RowBatch arrays = new RowBatch("by_arrays", "id", "part");
        RowBatch copy = new RowBatch("by_copy", "id", "part");
        rows.forEach(row -> {
            parameters.insert(row);
            arrays.insert(row);
            copy.insert(row);
        });
        parameters.flushInserts(jdbc);
        arrays.flushInsertsAsArrays(jdbc, TYPES);
        copy.flushInsertsByCopy(jdbc);
        assertThat(dump(jdbc, "by_arrays")).containsExactlyElementsOf(dump(jdbc, "by_parameters"));
        assertThat(dump(jdbc, "by_copy")).containsExactlyElementsOf(dump(jdbc, "by_parameters"));

        RowBatch parameterUpdates = new RowBatch("by_parameters", "id", "part");
        RowBatch arrayUpdates = new RowBatch("by_arrays", "id", "part");
        List<String> columns = List.of("label", "code", "n", "big", "flag", "at");
        for (int i = 0; i < 400; i++) {
            Map<String, Object> row = rows.get(random.nextInt(rows.size()));
            List<Object> key = RowBatch.key(row.get("id"), row.get("part"));
            String column = columns.get(random.nextInt(columns.size()));
            Object value = row(random, i).get(column);
            if (column.equals("flag") && value == null) {
                value = Boolean.TRUE;
            }
            parameterUpdates.set(key, column, value);
            arrayUpdates.set(key, column, value);
        }
        parameterUpdates.flushUpdates(jdbc);
        arrayUpdates.flushUpdatesAsArrays(jdbc, TYPES);
        List<Map<String, Object>> expected = dump(jdbc, "by_parameters");
        assertThat(dump(jdbc, "by_arrays")).containsExactlyElementsOf(expected);
        assertThat(expected.stream().map(r -> String.valueOf(r.get("at"))).filter(at -> at.matches(".*\\.\\d{6}.*")).count())
                .as("timestamps written with a microsecond fraction").isGreaterThan(20);
    }

    private static Map<String, Object> row(Random random, int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "row-" + i + TEXTS[random.nextInt(TEXTS.length)]);
        row.put("part", random.nextInt(3) - 1);
        row.put("label", random.nextInt(8) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100));
        row.put("code", random.nextBoolean() ? Thread.State.values()[random.nextInt(6)] : null);
        row.put("n", random.nextInt(6) == 0 ? null : random.nextInt() / (1 + random.nextInt(1000)));
        row.put("big", random.nextInt(6) == 0 ? null : random.nextLong());
        row.put("flag", random.nextBoolean());
        long nanos = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000L;
            case 2 -> random.nextInt(1_000_000) * 1_000L + 500; // a half microsecond
            case 3 -> 999_999_500 + random.nextInt(500); // rounds up into the next second
            default -> random.nextInt(1_000_000_000);
        };
        row.put("at", random.nextInt(7) == 0 ? null : Instant.ofEpochSecond(1_780_000_000L + random.nextInt(100_000_000), nanos));
        return row;
    }

    private static List<Map<String, Object>> dump(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("SELECT id, part, label, code, n, big, flag, at FROM " + table + " ORDER BY id, part");
    }
}
