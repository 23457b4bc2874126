package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.MqttProtocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.isoband.core.retry.Backoff;

/**
 * Everything the MQTT publisher needs, validated. The config file parser (another issue) builds one of these;
 * {@link #of} gives the defaults. {@link #toString} never shows the password.
 *
 * @param brokerUrl      {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param username       broker user, or null for anonymous
 * @param password       broker password, or null; never logged
 * @param caFile         PEM file of the CA that signed the broker's certificate (ssl:// only); null: the JVM's trust store
 * @param clientCertFile PEM client certificate for mutual TLS (ssl:// only), or null
 * @param clientKeyFile  its PKCS#8 PEM private key, or null
 * @param clientId       MQTT client id; unique per broker, or the broker drops the older connection
 * @param topicPrefix    root of the contract's topics, {@code isoband} by default
 * @param discoveryPrefix Home Assistant's discovery prefix, {@code homeassistant} by default
 * @param gateway        this gateway's name (sanitized for topics)
 * @param bands          the configured bands: only these are announced to Home Assistant
 * @param forceRateHz    force batches per second per band, 10 by default
 * @param heartbeatS     a band with no sample for this long is published as unavailable
 * @param outboxFile     the SQLite outbox file
 * @param prune          how the outbox stays bounded
 * @param backoff        reconnection delays
 * @param protocol       MQTT 5 (the default) or 3.1.1 for old brokers
 */
public record MqttConfig(
        String brokerUrl,
        String username,
        String password,
        Path caFile,
        Path clientCertFile,
        Path clientKeyFile,
        String clientId,
        String topicPrefix,
        String discoveryPrefix,
        String gateway,
        List<String> bands,
        double forceRateHz,
        double heartbeatS,
        Path outboxFile,
        PrunePolicy prune,
        Backoff backoff,
        MqttProtocol protocol) {

    public static final String DEFAULT_PREFIX = "isoband";
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    public static final double DEFAULT_FORCE_RATE_HZ = 10;
    public static final double DEFAULT_HEARTBEAT_S = 5;

    public MqttConfig {
        URI uri = parseBroker(brokerUrl);
        boolean tls = uri.getScheme().equals("ssl");
        if (password != null && username == null) {
            throw new IllegalArgumentException("a broker password needs a username");
        }
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("a client certificate needs its key and a key needs its certificate");
        }
        if (!tls && (caFile != null || clientCertFile != null)) {
            throw new IllegalArgumentException("a CA file or client certificate needs an ssl:// broker URL, got " + brokerUrl);
        }
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isEmpty() || clientId.indexOf(0) >= 0) {
            throw new IllegalArgumentException("client id must be non-empty text");
        }
        Objects.requireNonNull(gateway, "gateway");
        new TopicNames(topicPrefix, gateway, discoveryPrefix); // checks the prefixes and the gateway's name
        bands = List.copyOf(bands);
        Set<String> seen = new HashSet<>();
        for (String band : bands) {
            if (!seen.add(TopicNames.sanitize(band))) {
                throw new IllegalArgumentException("two bands have the same topic name \"" + TopicNames.sanitize(band) + "\": " + bands);
            }
        }
        if (!(forceRateHz > 0 && forceRateHz <= 100)) {
            throw new IllegalArgumentException("force rate must be above 0 and at most 100 messages/s, got " + forceRateHz);
        }
        if (!(heartbeatS >= 1 && heartbeatS <= 600)) {
            throw new IllegalArgumentException("heartbeat must be 1-600 s, got " + heartbeatS);
        }
        Objects.requireNonNull(outboxFile, "outboxFile");
        Objects.requireNonNull(prune, "prune");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** A config with the defaults: anonymous, client id {@code isoband-<gateway>}, 10 force batches/s. */
    public static MqttConfig of(String brokerUrl, String gateway, List<String> bands, Path outboxFile) {
        return new MqttConfig(brokerUrl, null, null, null, null, null, "isoband-" + TopicNames.sanitize(gateway),
                DEFAULT_PREFIX, DEFAULT_DISCOVERY_PREFIX, gateway, bands, DEFAULT_FORCE_RATE_HZ, DEFAULT_HEARTBEAT_S,
                outboxFile, PrunePolicy.DEFAULT, Backoff.DEFAULT, MqttProtocol.V5);
    }

    private static URI parseBroker(String url) {
        Objects.requireNonNull(url, "brokerUrl");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker URL \"" + url + "\" is not a URL: " + e.getReason());
        }
        if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
            throw new IllegalArgumentException("broker URL \"" + url + "\" must start with tcp:// or ssl://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("broker URL \"" + url + "\" has no host");
        }
        return uri;
    }

    public boolean tls() {
        return brokerUrl.startsWith("ssl://");
    }

    public TopicNames topics() {
        return new TopicNames(topicPrefix, gateway, discoveryPrefix);
    }

    public MqttConfig withCredentials(String user, String secret) {
        return new MqttConfig(brokerUrl, user, secret, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withTls(Path ca, Path cert, Path key) {
        return new MqttConfig(brokerUrl, username, password, ca, cert, key, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withClientId(String id) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, id, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withTopicPrefix(String prefix) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, prefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withDiscoveryPrefix(String prefix) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                prefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withBands(List<String> newBands) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, newBands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withForceRate(double hz) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, hz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withHeartbeat(double seconds) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, seconds, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withPrune(PrunePolicy policy) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, policy, backoff, protocol);
    }

    public MqttConfig withBackoff(Backoff newBackoff) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, newBackoff, protocol);
    }

    public MqttConfig withBroker(String url) {
        return new MqttConfig(url, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, protocol);
    }

    public MqttConfig withProtocol(MqttProtocol newProtocol) {
        return new MqttConfig(brokerUrl, username, password, caFile, clientCertFile, clientKeyFile, clientId, topicPrefix,
                discoveryPrefix, gateway, bands, forceRateHz, heartbeatS, outboxFile, prune, backoff, newProtocol);
    }

    /** The password is shown as {@code ****} (or null), so a config can be logged. */
    @Override
    public String toString() {
        return "MqttConfig[brokerUrl=" + brokerUrl + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + ", caFile=" + caFile + ", clientCertFile=" + clientCertFile
                + ", clientKeyFile=" + clientKeyFile + ", clientId=" + clientId + ", topicPrefix=" + topicPrefix
                + ", discoveryPrefix=" + discoveryPrefix + ", gateway=" + gateway + ", bands=" + bands
                + ", forceRateHz=" + forceRateHz + ", heartbeatS=" + heartbeatS + ", outboxFile=" + outboxFile
                + ", prune=" + prune + ", backoff=" + backoff + ", protocol=" + protocol + "]";
    }
}
