package dev.codearena.command.config;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The aggregate cache for several command-side instances sharing one event store. Commands for one
 * match reach different instances (a player's submission where that player is connected, judge
 * results and deadlines wherever they are picked up), so an instance's cached Match may miss events
 * another one appended: it would then refuse a valid command ("no submission ...", "not running").
 * Appends stay safe anyway (the event store's unique sequence numbers reject a stale writer); this
 * keeps reads right: an entry is used only while its version is still the aggregate's last sequence
 * number in the store (one indexed lookup instead of replaying the match's events), else it is
 * dropped and the aggregate is loaded afresh.
 */
final class StoreCheckedCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final Supplier<EventStore> eventStore;

    StoreCheckedCache(Cache delegate, Supplier<EventStore> eventStore) {
        this.delegate = delegate;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V entry = delegate.get(key);
        if (entry instanceof AggregateCacheEntry<?> cached && !current(String.valueOf(key), cached)) {
            delegate.remove(key);
            return null;
        }
        return entry;
    }

    private boolean current(String aggregateId, AggregateCacheEntry<?> cached) {
        if (VERSION == null) {
            return false; // cannot tell: always load from the store
        }
        try {
            Optional<Long> last = eventStore.get().lastSequenceNumberFor(aggregateId);
            return Objects.equals(VERSION.get(cached), last.orElse(null));
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
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
