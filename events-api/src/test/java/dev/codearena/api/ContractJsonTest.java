package dev.codearena.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.SubmitSolutionCommand;
import dev.codearena.api.match.SubmissionId;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract travels as JSON (Axon's Jackson serializer, the wire): it must round-trip unchanged. */
class ContractJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void typedIdsAreWrittenAsPlainStrings() throws Exception {
        var command = new SubmitSolutionCommand(MatchId.of("m-1"), SubmissionId.of("s-1"), PlayerId.of("alice"),
                ProblemId.of("two-sum"), Language.PYTHON3, "print(1)");
        String text = json.writeValueAsString(command);
        assertThat(text).contains("\"matchId\":\"m-1\"").contains("\"language\":\"python3\"");
        assertThat(json.readValue(text, SubmitSolutionCommand.class)).isEqualTo(command);
    }

    @Test
    void matchCreatedRoundTrips() throws Exception {
        var event = new MatchCreated(MatchId.of("m-2"), MatchMode.SABOTAGE, MatchSettings.defaults(MatchMode.SABOTAGE),
                List.of(new MatchPlayer(PlayerId.of("a"), "alice", 1500, 0, 1500, 3)),
                List.of(new MatchProblem(ProblemId.of("p"), 3, "P", 2, 0,
                        new JudgeSpec("p/abc/tests", CheckerSpec.floatTolerance(1e-6), 1000, 256),
                        new ReferenceSolution(Language.CPP17, "int main(){}"))),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:10Z"));
        assertThat(json.readValue(json.writeValueAsString(event), MatchCreated.class)).isEqualTo(event);
    }

    @Test
    void defaultSettingsAreWithinBoundsForEveryMode() {
        for (MatchMode mode : MatchMode.values()) {
            assertThat(MatchSettings.defaults(mode).violations(mode)).as(mode.name()).isEmpty();
        }
        assertThat(MatchSettings.defaults(MatchMode.BLITZ).withDurationSeconds(5).violations(MatchMode.BLITZ))
                .singleElement().asString().contains("durationSeconds");
    }

    @Test
    void blankIdsAreRefused() {
        assertThatThrownBy(() -> MatchId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
