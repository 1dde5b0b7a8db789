package dev.codearena.platform.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test class against real embedded PostgreSQL and Redis (see
 * {@link EmbeddedInfrastructureExtension}). Put it before {@code @SpringBootTest} so the
 * servers are up before the context reads its properties.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedInfrastructureExtension.class)
public @interface EmbeddedInfrastructureTest {
}
