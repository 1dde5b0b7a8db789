package dev.codearena.command.config;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The aggregate cache for several command-side instances sharing one event store, used optimistically.
 * Commands for one match reach different instances (a player's submission where that player is
 * connected, judge results and deadlines wherever they are picked up), so an instance's cached Match
 * may miss events another one appended. The cached aggregate is used without asking the store, and a
 * decision taken on it is final only when it is safe:
 * <ul>
 *   <li>a command that <em>appends</em> events is safe: a stale aggregate appends at a sequence number
 *       the store already holds, the unique (aggregate, sequence number) constraint rejects the append
 *       ({@code ConcurrencyException}), the unit of work rolls back and evicts the entry, and
 *       {@link FreshStateRetry} runs the command once more on the aggregate loaded from the store;</li>
 *   <li>a command that appends <em>nothing</em> or fails (a refusal such as "no submission ...") may have
 *       been decided on stale state: it is rolled back with {@link StaleAggregateSuspected} (evicting the
 *       entry), and {@link FreshStateRetry} runs it again on the aggregate loaded from the store, whose
 *       outcome is the final one.</li>
 * </ul>
 * Only the first attempt of a command dispatched through {@link FreshStateRetry} (it carries
 * {@link #MAY_USE_CACHE}) is served from the cache; everything else (deadlines, commands sent inside
 * another unit of work, commands sent on the bus directly, retries) loads the aggregate from the store
 * and refreshes the entry. This replaces one "last sequence number" query per command.
 */
final class OptimisticAggregateCache implements Cache {

    /** Metadata of a command's first attempt: it may run on a cached aggregate (set by {@link FreshStateRetry}). */
    static final String MAY_USE_CACHE = "codearena.mayUseCachedAggregate";
    private static final String SERVED_FROM_CACHE = OptimisticAggregateCache.class.getName() + ".servedFromCache";
    private static final String APPENDED = OptimisticAggregateCache.class.getName() + ".appended";

    private final Cache delegate;

    OptimisticAggregateCache(Cache delegate) {
        this.delegate = delegate;
    }

    @Override
    public <K, V> V get(K key) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (unitOfWork == null || !unitOfWork.getMessage().getMetaData().containsKey(MAY_USE_CACHE)) {
            return null; // load from the store; the repository puts the fresh aggregate back on commit
        }
        V entry = delegate.get(key);
        if (entry != null) {
            unitOfWork.resources().put(SERVED_FROM_CACHE, Boolean.TRUE);
        }
        return entry;
    }

    /**
     * Handler interceptor on the command bus: rolls back, with {@link StaleAggregateSuspected}, every
     * command that ran on a cached aggregate and then failed or appended no event.
     */
    static MessageHandlerInterceptor<CommandMessage<?>> verification() {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result;
            try {
                result = chain.proceed();
            } catch (RuntimeException | Error failure) {
                if (servedFromCache(unitOfWork)) {
                    throw new StaleAggregateSuspected(failure);
                }
                throw failure;
            }
            if (servedFromCache(unitOfWork)) {
                // registered after the handler ran, so it runs after the event bus has staged (and the
                // store appended) the handler's events, if there were any
                unitOfWork.onPrepareCommit(u -> {
                    if (!u.resources().containsKey(APPENDED)) {
                        throw new StaleAggregateSuspected(null);
                    }
                });
            }
            return result;
        };
    }

    /** Dispatch interceptor on the event store: marks the unit of work that publishes events. */
    static MessageDispatchInterceptor<EventMessage<?>> appendMarker() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                if (!messages.isEmpty()) {
                    CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.resources().put(APPENDED, Boolean.TRUE));
                }
                return (index, message) -> message;
            }
        };
    }

    private static boolean servedFromCache(UnitOfWork<?> unitOfWork) {
        return unitOfWork.resources().containsKey(SERVED_FROM_CACHE);
    }

    /**
     * A command ran on a cached aggregate and failed or appended nothing: its outcome may be that of a
     * stale aggregate. Not an answer for callers: {@link FreshStateRetry} runs the command again.
     */
    static final class StaleAggregateSuspected extends RuntimeException {
        StaleAggregateSuspected(Throwable outcomeOnCachedState) {
            super("outcome decided on a cached aggregate, to be confirmed on the stored one", outcomeOnCachedState, false, false);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return delegate.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
