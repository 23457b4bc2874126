package org.isoband.dashboard.ingest;

import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.dashboard.store.StoredRep;

/**
 * Told about every valid message, after it was stored; called on the MQTT client's thread, so an
 * implementation must return quickly (hand off, never block on a browser).
 */
public interface IngestListener {
    IngestListener NONE = new IngestListener() {
    };

    default void status(String gateway, boolean online) {
    }

    default void state(StateMessage state) {
    }

    default void force(ForceBatch batch) {
    }

    /** A rep stored for the first time (duplicates are not told). */
    default void rep(StoredRep rep) {
    }

    default void session(SessionSummary summary) {
    }

    /** A maximum test's result stored for the first time. */
    default void maxTest(MaxTestMessage test) {
    }
}
