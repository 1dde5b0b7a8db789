package dev.codearena.command.config;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's {@link TargetAggregateIdentifier} like Axon's {@code AnnotationCommandTargetResolver},
 * but looks the annotated member up once per command class instead of scanning fields, methods and
 * their (meta-)annotations reflectively for every command: that scan was about 7% of the CPU of a
 * command through the Match aggregate (docs/benchmarks.md, "Match engine"). Versions are not used by
 * this application's commands, so none is resolved.
 */
final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<AccessibleObject> identifiers = new ClassValue<>() {
        @Override
        protected AccessibleObject computeValue(Class<?> type) {
            for (Field field : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(field, TargetAggregateIdentifier.class)) {
                    return ReflectionUtils.ensureAccessible(field);
                }
            }
            for (Method method : ReflectionUtils.methodsOf(type)) {
                if (method.getParameterCount() == 0 && AnnotationUtils.isAnnotationPresent(method, TargetAggregateIdentifier.class)) {
                    return ReflectionUtils.ensureAccessible(method);
                }
            }
            return null;
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        AccessibleObject member = identifiers.get(command.getPayloadType());
        Object identifier;
        try {
            identifier = member instanceof Field field ? field.get(payload)
                    : member instanceof Method method ? method.invoke(payload) : null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("The @TargetAggregateIdentifier of " + command.getCommandName()
                    + " cannot be read", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. "
                    + "Make sure at least one of the fields or methods in the [" + command.getPayloadType().getSimpleName()
                    + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
        }
        return new VersionedAggregateIdentifier(identifier, null);
    }
}
