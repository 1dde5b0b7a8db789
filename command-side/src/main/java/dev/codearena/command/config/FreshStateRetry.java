package dev.codearena.command.config;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The command bus as the application's {@code CommandGateway} sees it: a command's first attempt may
 * run on a cached aggregate ({@link OptimisticAggregateCache}); when that attempt's outcome is not
 * final (rolled back with {@code StaleAggregateSuspected}, or its append collided with events another
 * instance appended: the unique key on (aggregate, sequence number), which the event store reports as
 * {@code ConcurrencyException}, or {@code AggregateStreamCreationException} for an aggregate's first
 * event), the command runs once more on the aggregate loaded from the store, and that outcome is the
 * caller's. Commands sent inside another unit of work (a saga's commands) share its transaction, which
 * a failed first attempt would doom, so they are passed on unchanged and load from the store.
 */
public final class FreshStateRetry implements CommandBus {

    private static final Map<String, Object> MAY_USE_CACHE = Map.of(OptimisticAggregateCache.MAY_USE_CACHE, Boolean.TRUE);

    private final CommandBus delegate;

    FreshStateRetry(CommandBus delegate) {
        this.delegate = delegate;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, (message, result) -> {
        });
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted()) {
            delegate.dispatch(command, callback);
            return;
        }
        delegate.dispatch(command.andMetaData(MAY_USE_CACHE), (CommandMessage<? extends C> message, CommandResultMessage<? extends R> result) -> {
            if (result.isExceptional() && worthAFreshAttempt(result.exceptionResult())) {
                delegate.dispatch(command, callback);
            } else {
                callback.onResult(command, result);
            }
        });
    }

    private static boolean worthAFreshAttempt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticAggregateCache.StaleAggregateSuspected) {
                return true;
            }
        }
        return isConcurrentAppend(failure);
    }

    /**
     * Whether another writer appended to the aggregate first: the event store's unique key refused our
     * append ({@code ConcurrencyException}, or {@code AggregateStreamCreationException} on its first event).
     */
    public static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return delegate.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }
}
