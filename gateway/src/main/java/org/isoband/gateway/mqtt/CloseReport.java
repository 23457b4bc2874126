package org.isoband.gateway.mqtt;

import java.nio.file.Path;

/**
 * What a stop did with the events not yet acknowledged, so the closing line can say it and nothing goes
 * silently.
 *
 * @param inOutbox    unacknowledged events safe in the outbox file, published on the next start
 * @param savedTo     the fallback file the memory-only events went to, or null when there were none
 * @param saved       events written to {@code savedTo}
 * @param lost        events that could be written nowhere (nor acknowledged): lost, and said so
 */
public record CloseReport(long inOutbox, Path savedTo, int saved, int lost) {

    /** The closing line. */
    public String line() {
        StringBuilder s = new StringBuilder("mqtt: closed");
        if (inOutbox == 0 && saved == 0 && lost == 0) {
            return s.append(": every event was acknowledged").toString();
        }
        if (inOutbox > 0) {
            s.append("; ").append(inOutbox).append(" event(s) wait in the outbox for the next start");
        }
        if (saved > 0) {
            s.append("; ").append(saved).append(" event(s) the outbox could not take saved to ").append(savedTo)
                    .append(" (moved into the outbox on the next start)");
        }
        if (lost > 0) {
            s.append("; ").append(lost).append(" EVENT(S) LOST: neither the outbox nor ").append(savedTo)
                    .append(" could be written");
        }
        return s.toString();
    }
}
