package org.isoband.app.demo;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * Moquette on a free loopback port, keeping nothing: the demo's broker when no {@code --broker} is given. (The
 * gateway's tests have their own, which can be stopped and started again on the same port to play an outage.)
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final int port;
    private final Server server = new Server();

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    public static EmbeddedBroker start() {
        EmbeddedBroker broker = new EmbeddedBroker(freePort());
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(broker.port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        // Moquette 0.17 reports usage to its authors unless told not to: it stays on loopback.
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        try {
            broker.server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded MQTT broker did not start", e);
        }
        return broker;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface for the embedded broker", e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
