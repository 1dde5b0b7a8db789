package dev.codearena.command.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.CoreMatchers;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

/** Exact event sequences in which some payloads are checked by a predicate instead of equality. */
public final class EventMatchers {

    private EventMatchers() {
    }

    /** Each expected item is either a payload (compared with equals) or a hamcrest matcher of a payload. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Matcher<List<? super EventMessage<?>>> payloads(Object... expected) {
        List<Matcher<?>> matchers = new ArrayList<>();
        for (Object item : expected) {
            matchers.add(item instanceof Matcher<?> m ? m : CoreMatchers.equalTo(item));
        }
        matchers.add(Matchers.andNoMore());
        Matcher[] array = matchers.toArray(new Matcher[0]);
        return (Matcher) Matchers.payloadsMatching(Matchers.exactSequenceOf(array));
    }

    public static <T> Matcher<T> payload(Class<T> type, String description, Predicate<T> check) {
        return new CustomTypeSafeMatcher<>(type.getSimpleName() + " " + description) {
            @Override
            protected boolean matchesSafely(T item) {
                return check.test(item);
            }
        };
    }
}
