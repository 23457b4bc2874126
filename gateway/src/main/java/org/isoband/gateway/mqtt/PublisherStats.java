package org.isoband.gateway.mqtt;

/**
 * What the publisher has done so far, for logs, tests and benchmarks.
 *
 * @param connected          connected to the broker now
 * @param unsent             events stored but not yet acknowledged (in the file and in memory)
 * @param inMemory           events kept in memory because the outbox file could not be written
 * @param droppedFromMemory  events lost because the file could not be written and memory was full
 * @param acked              events acknowledged by the broker since start
 * @param forceBatches       force batches published
 * @param forceDropped       force samples dropped (slow link, not connected, full handoff)
 * @param connects           successful connections since start
 */
public record PublisherStats(
        boolean connected,
        long unsent,
        int inMemory,
        long droppedFromMemory,
        long acked,
        long forceBatches,
        long forceDropped,
        long connects) {
}
