package dev.codearena.query.read;

import dev.codearena.api.error.CodeArenaException;
import dev.codearena.api.error.ErrorCode;
import dev.codearena.query.QueryProcessingGroups;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * While a read model is being rebuilt its tables are partly filled, so reads of it answer a clear
 * {@link ErrorCode#READ_MODEL_REBUILDING} (HTTP 503) instead of a misleading partial answer. The
 * rebuild service marks and unmarks read models here.
 */
@Component
public class ReadModelGuard {

    public static final String PLAYERS = QueryProcessingGroups.PLAYERS;
    public static final String MATCHES = QueryProcessingGroups.MATCHES;
    public static final String CLANS = QueryProcessingGroups.CLANS;
    public static final String PROBLEMS = QueryProcessingGroups.PROBLEMS;
    public static final String LIVE_VIEWS = QueryProcessingGroups.LIVE_VIEWS;
    public static final String FAIR_PLAY = QueryProcessingGroups.FAIR_PLAY;

    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

    public <T> Mono<T> reading(String readModel, Mono<T> query) {
        return Mono.defer(() -> rebuilding.contains(readModel)
                ? Mono.error(new CodeArenaException(ErrorCode.READ_MODEL_REBUILDING, CodeArenaException.Kind.RULE_VIOLATION,
                "read model '" + readModel + "' is being rebuilt from history; retry shortly"))
                : query);
    }

    public void markRebuilding(String readModel) {
        rebuilding.add(readModel);
    }

    public void markReady(String readModel) {
        rebuilding.remove(readModel);
    }

    public boolean isRebuilding(String readModel) {
        return rebuilding.contains(readModel);
    }
}
