package org.isoband.dashboard;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.isoband.dashboard.ingest.Ingest;
import org.isoband.dashboard.ingest.LiveState;
import org.isoband.dashboard.ingest.MqttSubscriber;
import org.isoband.dashboard.store.Database;
import org.isoband.dashboard.store.RepStore;
import org.isoband.dashboard.store.StoreException;
import org.isoband.dashboard.web.LiveBroadcast;
import org.isoband.dashboard.web.WebServer;

/** Starts the home dashboard: database, web server, then the MQTT subscription. */
public final class Dashboard {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private Dashboard() {
    }

    /**
     * Opens the database (migrating its schema), starts the web server and, when a broker is given, connects to it
     * in the background (a broker that is not up yet is retried; the page works meanwhile).
     *
     * @throws DashboardException when the database cannot be opened or the port is taken
     */
    public static RunningDashboard start(DashboardSettings settings) {
        Database database;
        try {
            database = Database.open(settings.database());
        } catch (StoreException | IllegalArgumentException e) {
            throw new DashboardException("database " + settings.database() + ": " + e.getMessage(), e);
        }
        LiveBroadcast broadcast = new LiveBroadcast();
        WebServer web = null;
        MqttSubscriber mqtt = null;
        try {
            RepStore store = new RepStore(database);
            Clock clock = Clock.system(settings.zone());
            Ingest ingest = new Ingest(settings.topicPrefix(), store, new LiveState(), broadcast, clock);
            if (settings.brokerUrl() != null) {
                DashboardSettings.BrokerTls tls = settings.brokerTls();
                mqtt = new MqttSubscriber(new MqttSubscriber.Broker(settings.brokerUrl(), settings.effectiveClientId(),
                        settings.brokerUsername(), settings.brokerPassword(), tls.caFile(), tls.clientCert(),
                        tls.clientKey()), settings.protocol(), ingest);
            }
            MqttSubscriber subscriber = mqtt;
            web = new WebServer(settings.bind(), settings.token(), new WebServer.Sources(store, ingest, broadcast,
                    () -> subscriber != null && subscriber.connected(), settings.brokerUrl()), clock, settings.sessionsPerWeek(),
                    settings.units());
            web.start(settings.port());
            if (mqtt != null) {
                mqtt.start();
            }
            RunningDashboard running = new RunningDashboard(settings, database, store, ingest, broadcast, web, mqtt);
            LOG.atInfo().log(() -> "dashboard at " + running.url() + " (database " + database.describe() + ", broker "
                    + (settings.brokerUrl() == null ? "none" : settings.brokerUrl()) + ")");
            return running;
        } catch (RuntimeException e) {
            if (mqtt != null) {
                mqtt.close();
            }
            if (web != null) {
                web.close();
            }
            broadcast.close();
            database.close();
            throw new DashboardException(e.getMessage(), e);
        }
    }
}
