package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.MqttProtocol;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Moquette, the embedded broker, on a loopback port: the demo's broker when none is given, and the default
 * tests' broker (stopped and started again on the same port to play an outage).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final int port;
    private final Path dataDir;
    private Server server;

    private EmbeddedBroker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Moquette 0.17 speaks MQTT 3.1.1 only (0.18, with MQTT 5, is not on Maven Central here). */
    public MqttProtocol protocol() {
        return MqttProtocol.V3_1_1;
    }

    /** A broker that keeps nothing across a restart. */
    public static EmbeddedBroker start() {
        return start(null);
    }

    /**
     * A broker that keeps its sessions (subscriptions and queued QoS 1 messages of clients with a persistent
     * session) in {@code dataDir} across a restart, as a broker with persistence does.
     */
    public static EmbeddedBroker start(Path dataDir) {
        EmbeddedBroker broker = new EmbeddedBroker(freePort(), dataDir);
        broker.startAgain();
        return broker;
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface for the embedded broker", e);
        }
    }

    void startAgain() {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", Boolean.toString(dataDir != null));
        if (dataDir != null) {
            p.setProperty("data_path", dataDir.toString());
        }
        // Moquette 0.17 reports usage to its authors unless told not to: it stays on loopback.
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        server = new Server();
        try {
            server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
