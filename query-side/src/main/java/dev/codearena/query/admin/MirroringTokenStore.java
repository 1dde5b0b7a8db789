package dev.codearena.query.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * The token store of a {@link RebuildPass}: every token the pass stores (in its batch's transaction) is also
 * stored into each rebuilt read model's own token segments, so the read models' tokens always match the rows
 * the pass has committed for them.
 */
final class MirroringTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final String passName;
    private final Map<String, int[]> mirrors;

    /** @param mirrors each read model's token segments (filled before the pass starts) */
    MirroringTokenStore(TokenStore delegate, String passName, Map<String, int[]> mirrors) {
        this.delegate = delegate;
        this.passName = passName;
        this.mirrors = mirrors;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        delegate.storeToken(token, processorName, segment);
        if (processorName.equals(passName)) {
            mirrors.forEach((readModel, segments) -> {
                for (int own : segments) {
                    delegate.storeToken(token, readModel, own);
                }
            });
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
