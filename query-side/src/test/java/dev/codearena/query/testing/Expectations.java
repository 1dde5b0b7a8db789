package dev.codearena.query.testing;

import dev.codearena.api.clan.ClanCreated;
import dev.codearena.api.clan.PlayerJoinedClan;
import dev.codearena.api.clan.PlayerLeftClan;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.SubmissionReceived;
import dev.codearena.api.match.SubmissionRefused;
import dev.codearena.api.player.PlayerRatingChanged;
import dev.codearena.api.player.PlayerRegistered;
import dev.codearena.api.problem.ProblemVersionPublished;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts every read-model table must have after projecting a history, computed from its events alone. */
public final class Expectations {

    private Expectations() {
    }

    public static Map<String, Long> rowCounts(ArenaHistory history) {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("qs_player", (long) history.payloads(PlayerRegistered.class).size());
        long modeBoards = history.payloads(PlayerRatingChanged.class).stream()
                .map(e -> e.playerId().value() + "|" + e.mode()).distinct().count();
        out.put("qs_player_rating", history.payloads(PlayerRegistered.class).size() + modeBoards);
        out.put("qs_rating_history", 2L * history.payloads(PlayerRatingChanged.class).size());
        out.put("qs_match", (long) history.payloads(MatchCreated.class).size());
        out.put("qs_match_player", history.rosters().values().stream().mapToLong(List::size).sum());
        out.put("qs_match_problem", history.payloads(MatchCreated.class).stream().mapToLong(e -> e.problems().size()).sum());
        out.put("qs_submission", (long) history.payloads(SubmissionReceived.class).size()
                + history.payloads(SubmissionRefused.class).size());
        out.put("qs_clan", (long) history.payloads(ClanCreated.class).size());
        out.put("qs_clan_member", (long) history.payloads(ClanCreated.class).size() + history.payloads(PlayerJoinedClan.class).size()
                - history.payloads(PlayerLeftClan.class).size());
        out.put("qs_problem", history.payloads(ProblemVersionPublished.class).stream().map(e -> e.problemId()).distinct().count());
        return out;
    }
}
