package dev.codearena.command.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate {@link Cache} on a bounded Caffeine cache that holds its aggregates strongly.
 *
 * <p>Why not Axon's {@code WeakReferenceCache}: it holds aggregates only weakly, so a garbage collection
 * drops every aggregate not in use at that moment, young ones included, and the next command re-reads
 * (and deserialises) the whole event stream of its match; under load that happens all the time and
 * costs more the longer the match has run. Here a match stays loaded until it has been idle for
 * {@code expireAfterAccess} or the cache holds {@code maximumSize} aggregates; the repository's lock still
 * guards every aggregate, and a failed unit of work evicts it (Axon's caching repository does that).
 */
final class AggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    AggregateCache(long maximumSize, java.time.Duration expireAfterAccess) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(expireAfterAccess).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    /** Nothing here listens to cache entries; a listener would silently miss evictions, so none is accepted. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        Objects.requireNonNull(listener);
        throw new UnsupportedOperationException("AggregateCache does not publish entry events");
    }
}
