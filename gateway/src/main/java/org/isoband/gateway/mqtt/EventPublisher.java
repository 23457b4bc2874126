package org.isoband.gateway.mqtt;

import java.time.Instant;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;

/**
 * Where the gateway sends what happens, without knowing about MQTT. Every method returns at once and may be
 * called from the sensor thread: implementations hand the work to their own thread and never wait on the
 * network or the disk.
 */
public interface EventPublisher extends AutoCloseable {

    /** A finished rep: stored durably, then published until the broker acknowledges it. */
    void publishRep(RepMessage rep);

    /** The band's live state changed: published retained; only the newest state of a band matters. */
    void publishState(StateMessage state);

    /** One force sample for live charts: batched, rate-limited, dropped (and counted) when the link is slow. */
    void publishForce(String band, Instant at, double newtons);

    /** A session ended: stored durably and published like a rep. */
    void publishSessionSummary(SessionSummary summary);

    /** A maximum test's result: stored durably and published like a rep. */
    void publishMaxTest(MaxTestMessage result);

    /**
     * Today's reps of {@code band} already published (before a restart too), to seed the daily counts.
     * May wait on the disk: call it when setting up, never from the sensor thread.
     */
    default RepCounts repCountsSince(String band, Instant since) {
        return RepCounts.NONE;
    }

    /** Says goodbye (status offline) and frees the connection; events not yet acknowledged stay stored. */
    @Override
    void close();
}
