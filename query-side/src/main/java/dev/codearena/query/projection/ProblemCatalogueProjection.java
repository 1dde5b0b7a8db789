package dev.codearena.query.projection;

import dev.codearena.query.QueryProcessingGroups;
import static dev.codearena.query.support.Sql.ts;

import dev.codearena.api.match.MatchMode;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemRetired;
import dev.codearena.api.problem.ProblemVersionPublished;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The problem catalogue: the latest version of every problem (statement, limits, tags, modes). */
@Component
@ProcessingGroup(ProblemCatalogueProjection.GROUP)
class ProblemCatalogueProjection {

    static final String GROUP = QueryProcessingGroups.PROBLEMS;

    private final JdbcTemplate jdbc;

    ProblemCatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProblemVersionPublished event) {
        ProblemDefinition d = event.definition();
        String modes = d.modes().stream().map(MatchMode::name).sorted().collect(Collectors.joining(","));
        jdbc.update("""
                INSERT INTO qs_problem (problem_id, version, title, difficulty, tags, modes, time_limit_ms, memory_mb,
                                        test_count, statement, retired, retired_reason, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, NULL, ?)
                ON CONFLICT (problem_id) DO UPDATE SET version = excluded.version, title = excluded.title,
                    difficulty = excluded.difficulty, tags = excluded.tags, modes = excluded.modes,
                    time_limit_ms = excluded.time_limit_ms, memory_mb = excluded.memory_mb, test_count = excluded.test_count,
                    statement = excluded.statement, retired = FALSE, retired_reason = NULL, published_at = excluded.published_at""",
                event.problemId().value(), event.version(), d.title(), d.difficulty(), String.join(",", d.tags()), modes,
                d.timeLimitMs(), d.memoryMb(), d.testCount(), d.statementMarkdown() == null ? "" : d.statementMarkdown(),
                ts(event.publishedAt()));
    }

    @EventHandler
    void on(ProblemRetired event) {
        jdbc.update("UPDATE qs_problem SET retired = TRUE, retired_reason = ? WHERE problem_id = ?",
                event.reason(), event.problemId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE qs_problem");
    }
}
