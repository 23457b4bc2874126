package org.isoband.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.isoband.app.parts.DashboardPart;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.gateway.runtime.PartContext;
import org.isoband.gateway.runtime.Parts;
import org.isoband.gateway.runtime.Shutdown;
import org.isoband.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code isoband dashboard}: the home dashboard, subscribed to the broker, until Ctrl-C. */
@Command(
        name = "dashboard",
        header = "Run the home dashboard: history, progress and live force in the browser.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run the home dashboard: it subscribes to the gateways' MQTT topics (any number of",
            "gateways and bands), keeps every rep in a database (a SQLite file by default, or any",
            "JDBC URL such as jdbc:postgresql://...), and serves a web page with the live force, today's",
            "reps and the progress over weeks. It listens on 127.0.0.1 unless the configuration's",
            "dashboard.bind says otherwise; set dashboard.token before opening it to a network.",
            "The JSON API is described in docs/dashboard.md."
        },
        footer = {"", "Examples:", "  isoband dashboard --broker tcp://localhost:1883",
            "  isoband dashboard --config ~/.config/isoband/isoband.yaml --port 8081",
            "  isoband dashboard --db 'jdbc:postgresql://nas/isoband?user=isoband&password=...'"})
final class DashboardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the configuration file: its dashboard section and mqtt url (default: ~/.config/isoband/isoband.yaml if it exists, else all defaults)")
    Path config;

    @Option(names = "--broker", paramLabel = "URL", description = "the MQTT broker, tcp://host:1883 or ssl://host:8883 (default: mqtt.url)")
    String broker;

    @Option(names = "--port", paramLabel = "N", converter = Ranges.Port.class, description = "the HTTP port, 0 for any free one (default: dashboard.port, 8080)")
    Integer port;

    @Option(names = "--db", paramLabel = "JDBC-URL-or-FILE",
            description = "the database: a SQLite file or a JDBC URL (default: dashboard.database, else dashboard.db beside storage.file)")
    String db;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationOption.class,
            description = "stop cleanly after this long, e.g. 10m (default: until Ctrl-C)")
    Duration duration;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        verbose.configureLogging();
        GatewayConfig cfg = loadConfig();
        if (cfg == null) {
            return UserErrorHandler.BAD_INPUT;
        }
        DashboardSettings settings = settings(cfg);
        PrintWriter out = spec.commandLine().getOut();
        DashboardPart dashboard = new DashboardPart(settings);
        try (Shutdown shutdown = Shutdown.onSignal("dashboard")) {
            Parts running = Parts.start(List.of(dashboard), PartContext.withoutSession(shutdown));
            try {
                out.println("isoband dashboard: " + dashboard.url() + (settings.token() == null ? "" : " (with ?token=...)"));
                out.println("  database " + settings.database().replaceAll("(?i)(password=)[^&;]*", "$1***") + "; broker "
                        + (settings.brokerUrl() == null ? "none (history only: give --broker or mqtt.url)" : settings.brokerUrl()));
                out.flush();
                shutdown.await(Optional.ofNullable(duration), Shutdown.Finished.NEVER, Duration.ofSeconds(1));
            } finally {
                running.stop();
            }
            out.println("isoband dashboard: stopped");
        }
        return 0;
    }

    /** The command line first, then the configuration file, then the defaults. */
    DashboardSettings settings(GatewayConfig cfg) {
        GatewayConfig.Dashboard d = cfg.dashboard();
        GatewayConfig.Mqtt mqtt = cfg.mqtt();
        String database = db != null ? db
                : !d.database().isBlank() ? d.database()
                : cfg.storage().resolveSibling("dashboard.db").toString();
        String brokerUrl = broker != null ? broker : mqtt.url();
        if (brokerUrl != null && !brokerUrl.isBlank()) {
            try {
                org.isoband.gateway.config.BrokerAddress.parse(brokerUrl);
            } catch (IllegalArgumentException e) {
                throw new UserError("--broker: " + e.getMessage());
            }
        }
        int httpPort = port != null ? port : d.port();
        if (db != null && db.isBlank()) {
            throw new UserError("--db must be a SQLite file or a JDBC URL");
        }
        try {
            return DashboardSettings.defaults().withBind(d.bind()).withPort(httpPort).withDatabase(database)
                    .withToken(d.token())
                    .withBroker(brokerUrl, mqtt.username(), mqtt.password(), mqtt.topicPrefix())
                    .withBrokerTls(brokerUrl != null && brokerUrl.startsWith("ssl://")
                            ? new DashboardSettings.BrokerTls(mqtt.caFile(), mqtt.clientCert(), mqtt.clientKey())
                            : DashboardSettings.BrokerTls.NONE)
                    .withUnits(cfg.units())
                    .withProtocol(mqtt.protocol());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private GatewayConfig loadConfig() {
        return ConfigFile.loadOrReport(config, spec);
    }
}
