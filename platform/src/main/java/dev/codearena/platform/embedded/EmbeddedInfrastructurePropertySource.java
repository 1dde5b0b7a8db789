package dev.codearena.platform.embedded;

import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The connection properties of the embedded servers. It also carries the running
 * {@link EmbeddedInfrastructure} from the environment post-processor (which starts it before
 * the context exists) to {@link EmbeddedInfrastructureInitializer} (which ties it to the
 * context's life), without any static state.
 */
public final class EmbeddedInfrastructurePropertySource extends MapPropertySource {

    public static final String NAME = "codearenaEmbeddedInfrastructure";

    private final EmbeddedInfrastructure infrastructure;

    public EmbeddedInfrastructurePropertySource(EmbeddedInfrastructure infrastructure, Map<String, Object> properties) {
        super(NAME, properties);
        this.infrastructure = infrastructure;
    }

    EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }
}
