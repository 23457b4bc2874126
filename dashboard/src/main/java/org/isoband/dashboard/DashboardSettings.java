package org.isoband.dashboard;

import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.core.unit.ForceDisplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * How to run the dashboard.
 *
 * @param bind            address to listen on; 127.0.0.1 (this machine only) unless the user opens it up
 * @param port            HTTP port; 0 takes any free one
 * @param database        a JDBC URL ({@code jdbc:postgresql://...}) or a SQLite file path
 * @param token           the access token of the API, or null for none
 * @param brokerUrl       {@code tcp://host:1883} or {@code ssl://...}; null: no MQTT, history only
 * @param brokerUsername  null for an anonymous broker
 * @param brokerPassword  null without a username
 * @param topicPrefix     the first topic level, {@code isoband} unless the gateways were configured otherwise
 * @param clientId        the MQTT client id; null: one derived from the database, stable across restarts so that
 *                        the broker keeps the reps published while the dashboard was down
 * @param sessionsPerWeek the weekly target shown against the sessions done (the exercise: 2-3 a week)
 * @param zone            the time zone of "today" and of weeks
 * @param units           the force unit the page and the CSV show (the configuration's {@code units:}), and the
 *                        body weight for figures relative to it
 * @param brokerTls       the broker's TLS files ({@code mqtt.ca_file}, {@code client_cert}, {@code client_key}), the
 *                        same settings the gateway reads; {@link BrokerTls#NONE} for the JVM's trust store
 * @param protocol        the MQTT version spoken to the broker, the gateway's {@code mqtt.protocol}: MQTT 5 (the
 *                        default) or 3.1.1 for a broker without it (the demo's embedded Moquette)
 */
public record DashboardSettings(String bind, int port, String database, String token, String brokerUrl,
                                String brokerUsername, String brokerPassword, String topicPrefix, String clientId,
                                int sessionsPerWeek, ZoneId zone, BrokerTls brokerTls, ForceDisplay units,
                                MqttProtocol protocol) {

    /**
     * TLS files for an {@code ssl://} broker, PEM (see {@link org.isoband.core.tls.PemTls}); each may be null.
     *
     * @param caFile     the CA to trust instead of the JVM's trust store
     * @param clientCert a client certificate for mutual TLS, with {@code clientKey}
     * @param clientKey  its PKCS#8 key
     */
    public record BrokerTls(Path caFile, Path clientCert, Path clientKey) {
        public static final BrokerTls NONE = new BrokerTls(null, null, null);

        public BrokerTls {
            if ((clientCert == null) != (clientKey == null)) {
                throw new IllegalArgumentException("a client certificate needs its key and a key needs its certificate");
            }
        }
    }

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public DashboardSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(zone, "zone");
        brokerTls = brokerTls == null ? BrokerTls.NONE : brokerTls;
        units = units == null ? ForceDisplay.NEWTONS : units;
        protocol = protocol == null ? MqttProtocol.V5 : protocol;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (database.isBlank()) {
            throw new IllegalArgumentException("database must be a SQLite file path or a JDBC URL");
        }
        if (topicPrefix.isEmpty() || topicPrefix.contains("+") || topicPrefix.contains("#")) {
            throw new IllegalArgumentException("topic prefix must be a plain topic level, got \"" + topicPrefix + "\"");
        }
        if (sessionsPerWeek < 1 || sessionsPerWeek > 14) {
            throw new IllegalArgumentException("sessions per week must be between 1 and 14, got " + sessionsPerWeek);
        }
        token = token == null || token.isEmpty() ? null : token;
        brokerUrl = brokerUrl == null || brokerUrl.isBlank() ? null : brokerUrl.trim();
        if (brokerUrl != null && !brokerUrl.startsWith("tcp://") && !brokerUrl.startsWith("ssl://")) {
            throw new IllegalArgumentException("the broker URL must start with tcp:// or ssl://, got \"" + brokerUrl + "\"");
        }
        if (brokerTls != BrokerTls.NONE && brokerUrl != null && !brokerUrl.startsWith("ssl://")) {
            throw new IllegalArgumentException("a CA file or client certificate needs an ssl:// broker URL, got " + brokerUrl);
        }
    }

    /** Listens on 127.0.0.1:8080, SQLite file {@code ~/.local/share/isoband/dashboard.db}, no broker, no token. */
    public static DashboardSettings defaults() {
        return new DashboardSettings(DEFAULT_BIND, DEFAULT_PORT,
                Path.of(System.getProperty("user.home"), ".local", "share", "isoband", "dashboard.db").toString(),
                null, null, null, null, "isoband", null, 2, ZoneId.systemDefault(), BrokerTls.NONE, ForceDisplay.NEWTONS, MqttProtocol.V5);
    }

    public DashboardSettings withBind(String newBind) {
        return new DashboardSettings(newBind, port, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, brokerTls, units, protocol);
    }

    public DashboardSettings withPort(int newPort) {
        return new DashboardSettings(bind, newPort, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, brokerTls, units, protocol);
    }

    public DashboardSettings withDatabase(String newDatabase) {
        return new DashboardSettings(bind, port, newDatabase, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, brokerTls, units, protocol);
    }

    public DashboardSettings withToken(String newToken) {
        return new DashboardSettings(bind, port, database, newToken, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, brokerTls, units, protocol);
    }

    /** The broker, its credentials (null for anonymous) and the topic prefix the gateways publish under. */
    public DashboardSettings withBroker(String url, String username, String password, String prefix) {
        return new DashboardSettings(bind, port, database, token, url, username, password, prefix, clientId,
                sessionsPerWeek, zone, brokerTls, units, protocol);
    }

    /** The broker's TLS files, as the gateway's {@code mqtt.ca_file}, {@code client_cert}, {@code client_key}. */
    public DashboardSettings withBrokerTls(BrokerTls tls) {
        return new DashboardSettings(bind, port, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, tls, units, protocol);
    }

    public DashboardSettings withSessionsPerWeek(int target) {
        return new DashboardSettings(bind, port, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, target, zone, brokerTls, units, protocol);
    }

    public DashboardSettings withUnits(ForceDisplay newUnits) {
        return new DashboardSettings(bind, port, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, brokerTls, newUnits, protocol);
    }

    /** MQTT 5, or 3.1.1 for a broker without it; the same {@code mqtt.protocol} the gateway reads. */
    public DashboardSettings withProtocol(MqttProtocol newProtocol) {
        return new DashboardSettings(bind, port, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, zone, brokerTls, units, newProtocol);
    }

    public DashboardSettings withZone(ZoneId newZone) {
        return new DashboardSettings(bind, port, database, token, brokerUrl, brokerUsername, brokerPassword,
                topicPrefix, clientId, sessionsPerWeek, newZone, brokerTls, units, protocol);
    }

    /**
     * The MQTT client id: the one given, or {@code isoband-dash-} and a checksum of the database, so the same
     * dashboard gets its persistent session back after a restart while two dashboards on two databases do not
     * take each other's (23 characters at most, the limit MQTT 3.1.1 guarantees).
     */
    public String effectiveClientId() {
        if (clientId != null && !clientId.isBlank()) {
            return clientId;
        }
        CRC32 crc = new CRC32();
        crc.update(database.getBytes(StandardCharsets.UTF_8));
        return "isoband-dash-" + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    @Override
    public String toString() {
        return "DashboardSettings[bind=" + bind + ", port=" + port + ", database=" + database.replaceAll("(?i)(password=)[^&;]*", "$1***")
                + ", token=" + (token == null ? "none" : "***") + ", broker=" + brokerUrl + ", username=" + brokerUsername
                + ", password=" + (brokerPassword == null ? "none" : "***") + ", prefix=" + topicPrefix
                + ", sessionsPerWeek=" + sessionsPerWeek + ", zone=" + zone + ", units=" + units.unit().symbol() + ", protocol=" + protocol.setting() + "]";
    }
}
