package org.isoband.dashboard;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.isoband.dashboard.ingest.Ingest;
import org.isoband.dashboard.ingest.MqttSubscriber;
import org.isoband.dashboard.store.Database;
import org.isoband.dashboard.store.RepStore;
import org.isoband.dashboard.web.LiveBroadcast;
import org.isoband.dashboard.web.WebServer;

/** A started dashboard: its address, its parts for those who embed it, and {@link #close()} to stop it all. */
public final class RunningDashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningDashboard.class);

    private final DashboardSettings settings;
    private final Database database;
    private final RepStore store;
    private final Ingest ingest;
    private final LiveBroadcast broadcast;
    private final WebServer web;
    private final MqttSubscriber mqtt;

    RunningDashboard(DashboardSettings settings, Database database, RepStore store, Ingest ingest, LiveBroadcast broadcast,
                     WebServer web, MqttSubscriber mqtt) {
        this.settings = settings;
        this.database = database;
        this.store = store;
        this.ingest = ingest;
        this.broadcast = broadcast;
        this.web = web;
        this.mqtt = mqtt;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/} (without the token). */
    public String url() {
        return web.url();
    }

    public int port() {
        return web.port();
    }

    public DashboardSettings settings() {
        return settings;
    }

    public RepStore store() {
        return store;
    }

    /** The message intake: counts of reps, duplicates, malformed payloads. */
    public Ingest ingest() {
        return ingest;
    }

    /** Whether the MQTT client is connected (false without a broker). */
    public boolean brokerConnected() {
        return mqtt != null && mqtt.connected();
    }

    /** Waits until the dashboard has subscribed to the broker; false on time-out or without a broker. */
    public boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
        return mqtt != null && mqtt.awaitSubscribed(timeout, unit);
    }

    /** Stops taking messages first, then serving pages, then closes the database. */
    @Override
    public void close() {
        if (mqtt != null) {
            mqtt.close();
        }
        broadcast.close();
        web.close();
        database.close();
        LOG.debug("dashboard stopped");
    }
}
