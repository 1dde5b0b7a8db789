package dev.codearena.command.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.api.judge.CheckerSpec;
import dev.codearena.api.judge.Language;
import dev.codearena.api.match.JudgeSpec;
import dev.codearena.api.match.MatchCreated;
import dev.codearena.api.match.MatchId;
import dev.codearena.api.match.MatchMode;
import dev.codearena.api.match.MatchPhase;
import dev.codearena.api.match.MatchPlayer;
import dev.codearena.api.match.MatchProblem;
import dev.codearena.api.match.MatchSettings;
import dev.codearena.api.match.MatchStarted;
import dev.codearena.api.match.ReferenceSolution;
import dev.codearena.api.match.RepairAssignment;
import dev.codearena.api.match.RepairPhaseStarted;
import dev.codearena.api.player.PlayerId;
import dev.codearena.api.problem.ProblemId;
import dev.codearena.api.wire.SabotageCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sabotage code served from what was read of a match's events before, reading on only from there. */
class SabotageCodesTest {

    private static final Instant T0 = Instant.parse("2026-11-26T06:00:00Z");
    private static final PlayerId ALICE = PlayerId.of("alice");
    private static final PlayerId BOB = PlayerId.of("bob");
    private static final String REFERENCE = "n = int(input())\nprint(n * 2)\n";

    private final CountingStorage storage = new CountingStorage();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final SabotageCodes codes = new SabotageCodes(events);

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void eachRequestReadsOnlyTheEventsAppendedSinceTheLastAndNoneOnceTheRepairPhaseStarted() {
        MatchId match = MatchId.of("sab-1");
        append(match, 0, created(match, MatchMode.SABOTAGE));
        append(match, 1, new MatchStarted(match, MatchPhase.SABOTAGE, T0, T0.plusSeconds(300)));

        SabotageCode first = code(match, ALICE);
        assertThat(first.referenceSource()).isEqualTo(REFERENCE);
        assertThat(first.editBudgetLines()).isEqualTo(MatchSettings.defaults(MatchMode.SABOTAGE).editBudgetLines());
        assertThat(first.repairSource()).isNull();
        assertThat(storage.eventsRead.get()).isEqualTo(2);

        assertThat(code(match, BOB).repairSource()).isNull();
        assertThat(storage.eventsRead.get()).as("nothing new: nothing read").isEqualTo(2);

        append(match, 2, new RepairPhaseStarted(match, List.of(
                new RepairAssignment(ALICE, BOB, Language.PYTHON3, "bob's bug"),
                new RepairAssignment(BOB, ALICE, Language.PYTHON3, "alice's bug")), T0.plusSeconds(300), T0.plusSeconds(600)));
        SabotageCode repair = code(match, ALICE);
        assertThat(repair.repairSource()).isEqualTo("bob's bug");
        assertThat(repair.saboteurId()).isEqualTo(BOB);
        assertThat(storage.eventsRead.get()).as("only the repair phase's event").isEqualTo(3);

        int readsBefore = storage.reads.get();
        assertThat(code(match, BOB).repairSource()).isEqualTo("alice's bug");
        assertThat(code(match, ALICE).repairSource()).isEqualTo("bob's bug");
        assertThat(storage.reads.get()).as("the repair phase is final: the store is not asked").isEqualTo(readsBefore);
    }

    @Test
    void unknownMatchesAndOtherModesAreTypedRefusalsAndAMatchCreatedLaterIsFound() {
        MatchId later = MatchId.of("sab-later");
        assertRefused(later, ErrorCode.MATCH_NOT_FOUND);
        append(later, 0, created(later, MatchMode.SABOTAGE));
        assertThat(code(later, ALICE).referenceSource()).isEqualTo(REFERENCE);

        MatchId blitz = MatchId.of("blitz-1");
        append(blitz, 0, created(blitz, MatchMode.BLITZ));
        assertRefused(blitz, ErrorCode.WRONG_PHASE);
        append(blitz, 1, new MatchStarted(blitz, MatchPhase.RUNNING, T0, T0.plusSeconds(300)));
        int readsBefore = storage.reads.get();
        assertRefused(blitz, ErrorCode.WRONG_PHASE);
        assertThat(storage.reads.get()).as("another mode stays another mode: the store is not asked").isEqualTo(readsBefore);
    }

    @Test
    void aMatchForgottenByTheBoundedCacheIsReadAgainFromTheStart() {
        SabotageCodes small = new SabotageCodes(events, 1, Duration.ofHours(1));
        MatchId one = MatchId.of("sab-one");
        MatchId two = MatchId.of("sab-two");
        append(one, 0, created(one, MatchMode.SABOTAGE));
        append(two, 0, created(two, MatchMode.SABOTAGE));
        for (int i = 0; i < 50; i++) {
            assertThat(small.codeFor(i % 2 == 0 ? one : two, ALICE).block(Duration.ofSeconds(10)).matchId())
                    .isEqualTo(i % 2 == 0 ? one : two);
        }
    }

    private SabotageCode code(MatchId match, PlayerId player) {
        return codes.codeFor(match, player).block(Duration.ofSeconds(10));
    }

    private void assertRefused(MatchId match, ErrorCode code) {
        assertThatThrownBy(() -> code(match, ALICE)).isInstanceOfSatisfying(CodeArenaException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private void append(MatchId match, long sequence, Object payload) {
        events.publish(new GenericDomainEventMessage<>("Match", match.value(), sequence, payload));
    }

    private static MatchCreated created(MatchId match, MatchMode mode) {
        MatchProblem problem = new MatchProblem(ProblemId.of("double"), 1, "Double it", 1, 0,
                new JudgeSpec("double/v1/tests", CheckerSpec.TOKENS, 1000, 256),
                mode == MatchMode.SABOTAGE ? new ReferenceSolution(Language.PYTHON3, REFERENCE) : null);
        return new MatchCreated(match, mode, MatchSettings.defaults(mode),
                List.of(new MatchPlayer(ALICE, "alice", 1500, 20, 1500, 20), new MatchPlayer(BOB, "bob", 1500, 20, 1500, 20)),
                List.of(problem), T0, T0);
    }

    /** The in-memory engine, counting how often a match's stream is read and how many events that returns. */
    private static final class CountingStorage extends InMemoryEventStorageEngine {
        final AtomicLong eventsRead = new AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            reads.incrementAndGet();
            return DomainEventStream.of(super.readEvents(aggregateIdentifier, firstSequenceNumber).asStream()
                    .peek(event -> eventsRead.incrementAndGet()));
        }
    }
}
