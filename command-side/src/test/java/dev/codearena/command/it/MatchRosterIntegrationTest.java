package dev.codearena.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.match.CreateMatchCommand;
import dev.codearena.api.match.JoinMatchCommand;
import dev.codearena.api.match.LeaveMatchCommand;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MembershipOutcome;
import dev.codearena.api.player.PlayerClass;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.player.RegisterPlayerCommand;
import dev.codearena.api.problem.ImportProblemCommand;
import dev.codearena.api.problem.ProblemDefinition;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.command.CommandSideApplication;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureExtension;
import dev.codearena.platform.testsupport.EmbeddedInfrastructureTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Joining and leaving a match before its start through the command bus, ratings pinned from the Player. */
@EmbeddedInfrastructureTest
class MatchRosterIntegrationTest {

    @Test
    void playersJoinAndLeaveBeforeTheStart() {
        String database = EmbeddedInfrastructureExtension.newDatabase("roster_it");
        String run = UUID.randomUUID().toString().substring(0, 8);
        PlayerId alice = PlayerId.of("alice-" + run);
        PlayerId bob = PlayerId.of("bob-" + run);
        PlayerId carol = PlayerId.of("carol-" + run);
        ProblemId problem = ProblemId.of("roster-" + run);
        MatchId match = MatchId.of("roster-match-" + run);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .web(WebApplicationType.NONE)
                .run("--codearena.postgres.url=" + database, "--spring.main.banner-mode=off",
                        "--codearena.judging.consumer-name=roster-it")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            commands.sendAndWait(new ImportProblemCommand(problem, "roster-1", new ProblemDefinition("Roster", 1, List.of(), 1000,
                    256, CheckerSpec.TOKENS, Set.of(MatchMode.BLITZ), "", "roster/v1/tests", 1, null)));
            for (PlayerId p : List.of(alice, bob, carol)) {
                commands.sendAndWait(new RegisterPlayerCommand(p, "h" + p.value().replace("-", ""), PlayerClass.HACKER));
            }
            MatchSettings settings = MatchSettings.defaults(MatchMode.BLITZ).withProblemPoints(List.of(100)).withStartDelaySeconds(300);
            commands.sendAndWait(new CreateMatchCommand(match, MatchMode.BLITZ, settings, List.of(alice, bob), List.of(problem)));

            MembershipOutcome joined = commands.sendAndWait(new JoinMatchCommand(match, carol));
            assertThat(joined).isEqualTo(MembershipOutcome.done());
            MembershipOutcome again = commands.sendAndWait(new JoinMatchCommand(match, carol));
            assertThat(again).isEqualTo(MembershipOutcome.refused(ErrorCode.ALREADY_IN_MATCH, null));
            assertThatThrownBy(() -> commands.sendAndWait(new JoinMatchCommand(match, PlayerId.of("nobody-" + run))))
                    .isInstanceOfSatisfying(CodeArenaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PLAYER_NOT_FOUND));
            assertThatThrownBy(() -> commands.sendAndWait(new JoinMatchCommand(MatchId.of("no-match-" + run), carol)))
                    .isInstanceOfSatisfying(CodeArenaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MATCH_NOT_FOUND));
            assertThat((MembershipOutcome) commands.sendAndWait(new LeaveMatchCommand(match, bob))).isEqualTo(MembershipOutcome.done());

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<String> events = jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber", String.class, match.value()).stream()
                    .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
            assertThat(events).containsExactly("MatchCreated", "PlayerJoined", "PlayerJoinRefused", "PlayerLeft");
            String joinedPayload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND sequencenumber = 1", String.class, match.value());
            assertThat(joinedPayload).contains("\"playerId\":\"" + carol.value() + "\"").contains("\"rating\":1500");
        }
    }
}
