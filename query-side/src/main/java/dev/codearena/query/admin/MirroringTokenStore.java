package dev.codearena.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token store of a {@link RebuildPass}: every token the pass stores (in its batch's transaction) is also
 * stored into each rebuilt read model's own token segments, so the read models' tokens always match the rows
 * the pass has committed for them.
 *
 * <p>With Axon's JDBC token store the copies are one statement per batch that copies the pass's row just written
 * into the read models' rows this node owns, instead of serializing the token again and updating each row alone;
 * rows it does not own yet (the first batch claims them) go through the delegate.
 */
final class MirroringTokenStore implements TokenStore {

    private static final String COPY = """
            UPDATE tokenentry t SET token = p.token, tokentype = p.tokentype, timestamp = p.timestamp
            FROM tokenentry p, unnest(?::text[], ?::int[]) AS m(processorname, segment)
            WHERE p.processorname = ? AND p.segment = ? AND t.processorname = m.processorname AND t.segment = m.segment
              AND t.owner = p.owner""";

    private final TokenStore delegate;
    private final String passName;
    private final Map<String, int[]> mirrors;
    /** Null: the delegate is not Axon's JDBC token store, every copy goes through it. */
    private final JdbcTemplate jdbc;

    /** @param mirrors each read model's token segments (filled before the pass starts) */
    MirroringTokenStore(TokenStore delegate, String passName, Map<String, int[]> mirrors, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.passName = passName;
        this.mirrors = mirrors;
        this.jdbc = delegate instanceof JdbcTokenStore ? jdbc : null;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        delegate.storeToken(token, processorName, segment);
        if (!processorName.equals(passName)) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        mirrors.forEach((readModel, own) -> {
            for (int s : own) {
                names.add(readModel);
                segments.add(s);
            }
        });
        if (jdbc != null && jdbc.update(COPY, names.toArray(String[]::new), segments.toArray(Integer[]::new), processorName,
                segment) == names.size()) {
            return;
        }
        for (int i = 0; i < names.size(); i++) {
            delegate.storeToken(token, names.get(i), segments.get(i));
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
