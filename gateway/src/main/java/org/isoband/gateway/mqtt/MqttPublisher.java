package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.MqttProtocol;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.isoband.core.message.StateMessage;
import org.isoband.core.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventPublisher} over MQTT: puts the parts together on one {@link PublisherLoop}, and nothing else.
 *
 * <ul>
 *   <li>{@link MqttConnection}: the connection, its state and its backoff.</li>
 *   <li>{@link OutboxDrain}: rep events and session summaries from the durable outbox to the broker's PUBACK
 *       (the in-flight window, acks, refusals, the memory fallback). The ack bookkeeping is all there.</li>
 *   <li>{@link Availability}: each band's retained state and availability (the data heartbeat), and the
 *       gateway's status with its Last Will.</li>
 *   <li>{@link HomeAssistantAnnouncer}: Home Assistant discovery, the cleanup of removed bands, the gateway's
 *       diagnostics; the states are republished at local midnight ({@link LocalMidnight}).</li>
 *   <li>{@link ForceStream}: live force, rate-limited, dropped when late.</li>
 * </ul>
 */
public final class MqttPublisher implements EventPublisher {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    private static final int PAHO_MAX_INFLIGHT = 1000;
    /** How long handing over a rep waits for the loop to store it (milliseconds in practice). */
    private static final Duration STORE_WAIT = Duration.ofSeconds(2);
    /** Refused events are tried again after this (doubling to the cap): an access rule is fixed by hand. */
    static final Backoff REFUSAL_RETRY = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), 0.5);

    private final MqttConfig config;
    private final TopicNames topics;
    private final PublisherLoop loop = new PublisherLoop("mqtt-publisher");
    private final MqttConnection connection;
    private final OutboxDrain drain;
    private final ForceStream force;
    private final Availability availability;
    private final HomeAssistantAnnouncer discovery;
    private final LocalMidnight midnight;
    private final AtomicBoolean closeCalled = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong connects = new java.util.concurrent.atomic.AtomicLong();

    private MqttPublisher(MqttConfig config, HomeAssistantOptions ha) {
        this.config = config;
        this.topics = config.topics();
        MqttTransport transport = config.protocol() == MqttProtocol.V5 ? new Paho5Transport(config)
                : new Paho3Transport(config, PAHO_MAX_INFLIGHT);
        Random random = new Random();
        this.drain = new OutboxDrain(config.outboxFile(), config.prune(), transport, loop, Clock.systemUTC(),
                System::nanoTime, REFUSAL_RETRY, random);
        this.force = new ForceStream(topics, transport, loop, System::nanoTime);
        this.availability = new Availability(topics, transport, force, System::nanoTime, config.heartbeatS(), config.bands());
        this.discovery = new HomeAssistantAnnouncer(topics, new HomeAssistantDiscovery(topics, config.gateway(), version(),
                (int) Math.max(10, Math.ceil(2 * config.heartbeatS())), ha), ha, config.bands(), transport, availability);
        this.midnight = new LocalMidnight(ha.clock());
        this.connection = new MqttConnection(transport, loop, config.backoff(), random, config.brokerUrl(),
                drain::unsent, new MqttConnection.Listener() {
                    @Override
                    public void connected(boolean sessionPresent, int receiveMaximum) {
                        onConnected(receiveMaximum);
                    }

                    @Override
                    public void disconnected() {
                        drain.disconnected();
                        force.disconnected();
                        availability.disconnected();
                        discovery.disconnected("lost the connection to " + config.brokerUrl() + " (the log says why)");
                    }

                    @Override
                    public void message(String topic, byte[] payload) {
                        if (topic.equals(topics.replay())) {
                            replayAsked(payload);
                        } else {
                            discovery.message(topic, payload);
                        }
                    }
                });
    }

    /**
     * Opens the outbox (so that {@link #stats} counts what an earlier run left unsent) and starts connecting
     * in the background. Call it when setting up, not from the sensor thread: it waits on the disk.
     */
    public static MqttPublisher start(MqttConfig config) {
        return start(config, HomeAssistantOptions.defaults());
    }

    /** {@link #start(MqttConfig)} with Home Assistant's birth topic, the dashboard's address, the bands' addresses. */
    public static MqttPublisher start(MqttConfig config, HomeAssistantOptions homeAssistant) {
        MqttPublisher publisher = new MqttPublisher(config, homeAssistant);
        publisher.begin();
        return publisher;
    }

    private static String version() {
        String v = MqttPublisher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private void begin() {
        try {
            loop.call(() -> {
                drain.open();
                return null;
            }, Duration.ofSeconds(30));
        } catch (ExecutionException e) {
            throw new IllegalStateException("opening the outbox failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("opening the outbox took more than 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.execute(connection::connect);
        loop.atRate(force::tick, Duration.ofMillis(Math.max(10, Math.round(1000 / config.forceRateHz()))));
        loop.every(() -> {
            availability.tick();
            drain.tick();
            discovery.tick(drain.unsent(), drain.inMemory(), drain.refusedTotal());
        }, Duration.ofMillis(200), Duration.ofMillis(200));
        loop.execute(this::scheduleMidnight);
        loop.every(drain::prune, Duration.ofSeconds(1), Duration.ofMinutes(10));
    }

    private void onConnected(int receiveMaximum) {
        connects.incrementAndGet();
        MqttTransport transport = connection.transport();
        // Subscribed before "online" goes out: a consumer that asks for a replay when it sees us come online
        // must find the subscription in place (the broker handles our packets in order).
        transport.subscribe(topics.replay(), 1);
        discovery.subscriptions().forEach(filter -> transport.subscribe(filter, 0));
        transport.publish(topics.status(), "online".getBytes(StandardCharsets.UTF_8), 1, true, result -> { });
        discovery.connected(drain.unsent(), drain.inMemory());
        availability.connected();
        force.connected();
        drain.connected(receiveMaximum);
    }

    /** At the next local midnight, the states again with nothing done today; then the midnight after. */
    private void scheduleMidnight() {
        Instant next = midnight.next();
        loop.schedule(() -> atMidnight(next), Duration.ofMillis(midnight.millisUntil(next) + 1));
    }

    private void atMidnight(Instant when) {
        if (midnight.now().isBefore(when)) {
            loop.schedule(() -> atMidnight(when), Duration.ofMillis(midnight.millisUntil(when) + 1)); // woke early
            return;
        }
        availability.newDay(when, midnight.now());
        scheduleMidnight();
    }

    private void replayAsked(byte[] payload) {
        try {
            ReplayRequest request = ReplayRequest.parse(payload);
            if (request.since() != null) {
                drain.replaySince(request.since().toEpochMilli());
            } else {
                drain.replay(request.fromSeq() - 1);
            }
        } catch (IllegalArgumentException e) {
            log.warn("mqtt: ignored a replay request on {}: {}", topics.replay(), e.getMessage());
        }
    }

    @Override
    public void publishRep(RepMessage rep) {
        storeAndWait(new OutboxEntry(0, rep.id(), OutboxEntry.REP, rep.band(), rep.verdict().name(),
                topics.rep(rep.band()), rep.toJson(), System.currentTimeMillis()));
    }

    @Override
    public void publishSessionSummary(SessionSummary summary) {
        storeAndWait(new OutboxEntry(0, summary.id(), OutboxEntry.SESSION, summary.band(), null,
                topics.session(summary.band()), summary.toJson(), System.currentTimeMillis()));
    }

    @Override
    public void publishMaxTest(MaxTestMessage result) {
        storeAndWait(new OutboxEntry(0, result.id(), OutboxEntry.MAX_TEST, result.band(), null,
                topics.maxTest(result.band()), result.toJson(), System.currentTimeMillis()));
    }

    /**
     * Hands an event to the outbox on the loop and returns once it is stored (in the file, or in memory while
     * the file cannot be written): a process killed after this returns has lost nothing. The loop stores
     * within milliseconds; after {@link #STORE_WAIT} this returns anyway and the event is stored when the
     * loop gets to it (it counts as unsent from the start).
     */
    private void storeAndWait(OutboxEntry entry) {
        drain.expect();
        CountDownLatch stored = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                drain.store(entry);
                drain.flushStore();
            } finally {
                stored.countDown();
            }
        });
        if (loop.isLoopThread()) {
            return;
        }
        try {
            stored.await(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void publishState(StateMessage state) {
        loop.execute(() -> availability.state(state));
    }

    @Override
    public void publishForce(String band, Instant at, double newtons) {
        force.offer(band, at, newtons);
    }

    // ---- reading and closing -------------------------------------------------------------------------------

    public PublisherStats stats() {
        return new PublisherStats(connection.connectedNow(), drain.unsent(), drain.inMemory(), drain.droppedFromMemory(),
                drain.acked(), force.batches(), force.dropped(), connects.get());
    }

    /** Waits until every stored event was acknowledged, or the timeout passes; true when all were. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (drain.unsent() == 0) {
                return true;
            }
            Thread.sleep(5);
        }
        return drain.unsent() == 0;
    }

    @Override
    public RepCounts repCountsSince(String band, Instant since) {
        try {
            return loop.call(() -> drain.repCounts(TopicNames.sanitize(band), since.toEpochMilli()), Duration.ofSeconds(5));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("outbox: cannot count today's reps of {}: {}", band, e.getCause() == null ? e : e.getCause().getMessage());
            return RepCounts.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RepCounts.NONE;
        }
    }

    /** Closes after waiting up to 2 s for unacknowledged events; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    /**
     * A clean stop: waits at most {@code timeout} until every event is acknowledged, or (when the broker is
     * not there) at least in the outbox file; saves what only memory holds to the {@link FallbackFile}; says
     * goodbye; and logs one closing line, always, with what was left where ({@link CloseReport#line}).
     * Returns that report; null when it was closed before.
     */
    public CloseReport close(Duration timeout) {
        if (!closeCalled.compareAndSet(false, true)) {
            return null;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        CloseReport report = null;
        try {
            loop.call(() -> {
                drain.flushStore();
                return null;
            }, Duration.ofSeconds(5));
            while (System.nanoTime() < deadline && !settled()) {
                Thread.sleep(20);
            }
            loop.stopTasks();
            report = loop.call(this::goodbye, Duration.ofSeconds(15));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("mqtt: closing did not finish cleanly: {}", e.getCause() == null ? e : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            loop.shutdown();
        }
        if (report == null) {
            report = new CloseReport(drain.unsent() - drain.inMemory(), drain.fallbackFile(), 0, drain.inMemory());
        }
        if (report.lost() > 0) {
            log.error(report.line());
        } else {
            log.info(report.line());
        }
        return report;
    }

    /** Nothing more to wait for: all acknowledged, or the broker is away and nothing lives only in memory. */
    private boolean settled() {
        return drain.unsent() == 0 || (!connection.connectedNow() && drain.inMemory() == 0);
    }

    private CloseReport goodbye() {
        drain.flushAcks();
        int[] leftovers = drain.saveLeftovers();
        connection.close(() -> {
            for (String band : availability.bands()) {
                connection.transport().publish(topics.availability(band), "offline".getBytes(StandardCharsets.UTF_8),
                        1, true, result -> { });
            }
            connection.transport().publishAndWait(topics.status(), "offline".getBytes(StandardCharsets.UTF_8), true,
                    Duration.ofSeconds(2));
        }, Duration.ofSeconds(1));
        drain.close();
        return new CloseReport(Math.max(0, drain.unsent() - drain.inMemory()), drain.fallbackFile(), leftovers[0], leftovers[1]);
    }
}
