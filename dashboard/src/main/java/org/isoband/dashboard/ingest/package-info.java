/**
 * What comes in over MQTT. {@link org.isoband.dashboard.ingest.MqttSubscriber} subscribes to the contract's
 * topics ({@code <prefix>/<gateway>/status}, {@code <prefix>/<gateway>/<band>/force|state|rep|session}) for any
 * number of gateways and bands, and hands each message to {@link org.isoband.dashboard.ingest.Ingest}, which knows
 * nothing of MQTT: it validates the payload through the core message records (a malformed one is counted,
 * logged once per topic by {@link org.isoband.dashboard.ingest.RejectedPayloads}, and dropped), stores rep events
 * de-duplicated by id with their force curve when {@link org.isoband.dashboard.ingest.ForceRecorder} saw it, and
 * tells an {@link org.isoband.dashboard.ingest.IngestListener} (the live page) what happened.
 */
package org.isoband.dashboard.ingest;
