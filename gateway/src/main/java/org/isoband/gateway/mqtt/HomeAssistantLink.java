package org.isoband.gateway.mqtt;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.MessageFormatException;
import org.isoband.core.message.StateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's Home Assistant side, on the publisher's thread: announces the discovery configs on every
 * connection and when Home Assistant announces itself on its birth topic, clears configs of bands no longer
 * configured (found by {@link DiscoveryCleanup} in the retained configs, with no local record), publishes the
 * one-a-second force mean ({@link ForceMean}) and the gateway's diagnostics, republishes the states at local
 * midnight ({@link LocalMidnight}), and keeps the newest rep in every state, also across a gateway restart (it
 * reads it back from the band's retained state).
 */
final class HomeAssistantLink {
    /** What the link needs of the connection; every call on the publisher's thread. */
    interface Broker {
        void publish(String topic, String payload, int qos, boolean retained);

        void subscribe(String filter);

        void unsubscribe(String filter);

        /** Runs {@code task} on the publisher's thread after {@code delayMs}. */
        void later(Runnable task, long delayMs);
    }

    private static final Logger log = LoggerFactory.getLogger(HomeAssistantLink.class);
    /** How long the retained configs and states are read after connecting: the broker sends them at once. */
    static final long SCAN_MS = 5_000;
    private static final long FORCE_MEAN_PERIOD_NANOS = 1_000_000_000L;

    private final MqttConfig config;
    private final TopicNames topics;
    private final HomeAssistantOptions options;
    private final HomeAssistantDiscovery discovery;
    private final Broker broker;
    private final Runnable republishLive;
    private final Map<String, StateMessage> states;
    private final GatewayDiagnostics diagnostics;
    private final LocalMidnight midnight;
    private final Map<String, ForceMean> means = new HashMap<>();
    private final Map<String, StateMessage.LastRep> lastReps = new HashMap<>();
    private final Set<String> configuredBands = new HashSet<>();
    private final String ownStates;
    private DiscoveryCleanup cleanup;
    private int scans;

    /**
     * @param states        the publisher's newest state per band (its thread only), republished on connection
     * @param republishLive republishes the states and availability (after Home Assistant restarted)
     */
    HomeAssistantLink(MqttConfig config, HomeAssistantOptions options, String version, Broker broker,
                      Map<String, StateMessage> states, Runnable republishLive) {
        this.config = config;
        this.topics = config.topics();
        this.options = options;
        this.discovery = new HomeAssistantDiscovery(topics, config.gateway(), version,
                (int) Math.max(10, Math.ceil(2 * config.heartbeatS())), options);
        this.broker = broker;
        this.states = states;
        this.republishLive = republishLive;
        this.diagnostics = new GatewayDiagnostics(topics.gateway(), options.clock());
        this.midnight = new LocalMidnight(options.clock());
        for (String band : config.bands()) {
            configuredBands.add(TopicNames.sanitize(band));
        }
        this.ownStates = topics.prefix() + "/" + topics.gateway() + "/+/state";
    }

    /** Schedules the first midnight; call once. */
    void start() {
        scheduleMidnight();
    }

    HomeAssistantDiscovery discovery() {
        return discovery;
    }

    /** On every connection: listen for Home Assistant's birth, announce, scan the retained configs. */
    void connected(long unsent, int inMemory) {
        broker.subscribe(options.statusTopic());
        broker.subscribe(topics.allDiscovery());
        broker.subscribe(ownStates);
        int scan = ++scans;
        broker.later(() -> endScan(scan), SCAN_MS);
        announce();
        broker.publish(topics.diagnostics(), diagnostics.due(unsent, inMemory, true), 1, true);
    }

    private void endScan(int scan) {
        if (scan == scans) {
            broker.unsubscribe(topics.allDiscovery());
            broker.unsubscribe(ownStates);
        }
    }

    /** Announces the gateway and every configured band. */
    void announce() {
        Set<String> wanted = new HashSet<>();
        Map<String, String> configs = new LinkedHashMap<>();
        for (HomeAssistantDiscovery.Config c : discovery.gatewayConfigs()) {
            configs.put(c.topic(), c.payload());
        }
        for (String band : config.bands()) {
            for (HomeAssistantDiscovery.Config c : discovery.configs(band)) {
                configs.put(c.topic(), c.payload());
            }
        }
        wanted.addAll(configs.keySet());
        cleanup = new DiscoveryCleanup(topics, wanted, configuredBands);
        configs.forEach((topic, payload) -> broker.publish(topic, payload, 1, true));
    }

    /** A message on one of the link's subscriptions. */
    void message(String topic, String payload, boolean retained) {
        if (topic.equals(options.statusTopic())) {
            if ("online".equals(payload)) {
                // Home Assistant restarted and may have lost what it knew: announce, then the live state again.
                announce();
                republishLive.run();
            }
            return;
        }
        if (!retained) {
            return; // our own announcements and states coming back, live
        }
        if (topic.startsWith(topics.discoveryPrefix() + "/") && cleanup != null) {
            DiscoveryCleanup.Clear clear = cleanup.retained(topic, payload);
            if (clear != null) {
                for (String t : clear.topics()) {
                    broker.publish(t, "", 1, true);
                }
                log.info("home assistant: removed {}{}", topic,
                        clear.band() != null && !configuredBands.contains(clear.band())
                                ? " (band " + clear.band() + " is no longer configured)" : " (no longer announced)");
            }
            return;
        }
        String band = topics.bandOf(topic);
        if (band != null && topic.equals(topics.state(band)) && !payload.isEmpty()) {
            learnLastRep(band, payload);
        }
    }

    /** The newest rep from before this start, from the band's retained state, unless one is known already. */
    private void learnLastRep(String band, String payload) {
        try {
            StateMessage.LastRep before = StateMessage.fromJson(payload).lastRep();
            if (before == null || lastReps.containsKey(band)) {
                return;
            }
            lastReps.put(band, before);
            StateMessage newest = states.get(band);
            if (newest != null && newest.lastRep() == null) {
                StateMessage filled = newest.withLastRep(before);
                states.put(band, filled);
                broker.publish(topics.state(band), filled.toJson(), 1, true);
            }
        } catch (MessageFormatException e) {
            log.debug("home assistant: retained state of {} not readable: {}", band, e.getMessage());
        }
    }

    /** The state to publish: with the newest rep known, when the session has none yet. */
    StateMessage state(StateMessage state) {
        if (state.lastRep() != null) {
            lastReps.put(state.band(), state.lastRep());
            return state;
        }
        StateMessage.LastRep known = lastReps.get(state.band());
        return known == null ? state : state.withLastRep(known);
    }

    /** A force batch the stream drained at {@code nowNanos}: adds to the band's mean. */
    void force(ForceBatch batch, long nowNanos) {
        means.computeIfAbsent(batch.band(), b -> new ForceMean(b, FORCE_MEAN_PERIOD_NANOS)).add(batch, nowNanos);
    }

    /** On every force tick: publishes the means that are due (QoS 0, like the stream). */
    void forceTick(long nowNanos, boolean connected) {
        for (ForceMean mean : means.values()) {
            ForceMean.Mean due = mean.due(nowNanos);
            if (due != null && connected) {
                broker.publish(topics.forceMean(due.band()), due.toJson(), 0, false);
            }
        }
    }

    /** On every heartbeat tick: the diagnostics, when they changed. */
    void diagnosticsTick(long unsent, int inMemory, boolean connected) {
        if (connected) {
            String due = diagnostics.due(unsent, inMemory, false);
            if (due != null) {
                broker.publish(topics.diagnostics(), due, 1, true);
            }
        }
    }

    /** An error the publisher logged, for the diagnostics' "last error". */
    void error(String line) {
        diagnostics.error(line);
    }

    private void scheduleMidnight() {
        Instant next = midnight.next();
        broker.later(() -> atMidnight(next), midnight.millisUntil(next) + 1);
    }

    private void atMidnight(Instant when) {
        Instant now = midnight.now();
        if (now.isBefore(when)) {
            broker.later(() -> atMidnight(when), midnight.millisUntil(when) + 1); // woke early: the clock moved
            return;
        }
        for (String band : List.copyOf(states.keySet())) {
            StateMessage state = states.get(band);
            if (state.at().isBefore(when)) {
                StateMessage rolled = state.newDay(now);
                states.put(band, rolled);
                broker.publish(topics.state(band), rolled.toJson(), 1, true);
            }
        }
        scheduleMidnight();
    }
}
