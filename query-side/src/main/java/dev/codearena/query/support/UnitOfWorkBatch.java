package dev.codearena.query.support;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a projection's writes for the whole batch a tracking processor hands it (one Axon unit of
 * work = one database transaction, with the processor's token), then flushes them once, as JDBC
 * batches, in the prepare-commit phase. So a batch of 500 events costs a handful of round trips
 * instead of 500, and because the flush runs inside the same transaction as the token update, a
 * crash leaves either all of the batch applied with its token or none of it.
 */
public final class UnitOfWorkBatch {

    private UnitOfWorkBatch() {
    }

    /**
     * The batch object of {@code key} for the current unit of work, created (and its flush
     * registered) on first use. Event handlers always run in a unit of work.
     */
    public static <B> B current(String key, Supplier<B> factory, Consumer<B> flush) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(key, k -> {
            B batch = factory.get();
            unitOfWork.onPrepareCommit(u -> flush.accept(batch));
            return batch;
        });
    }

    /** Runs {@code action} after the current unit of work committed (or at once without one). */
    public static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> action.run());
        } else {
            action.run();
        }
    }
}
