package org.isoband.dashboard.ingest;

import java.util.Map;

/**
 * What the ingest has seen since it started.
 *
 * @param reps          rep events stored
 * @param duplicates    rep events (and session summaries) dropped because their id was already stored
 * @param curves        reps stored with their force curve
 * @param states        state messages
 * @param forceBatches  force batches
 * @param sessions      session summaries stored
 * @param statuses      status messages
 * @param malformed     payloads dropped as malformed
 * @param ignored       messages on topics the contract does not define
 * @param malformedByTopic malformed payloads per topic
 */
public record IngestCounts(long reps, long duplicates, long curves, long states, long forceBatches, long sessions,
                           long statuses, long malformed, long ignored, Map<String, Long> malformedByTopic) {
    public IngestCounts {
        malformedByTopic = Map.copyOf(malformedByTopic);
    }
}
