package org.isoband.app.parts;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.isoband.core.mqtt.MqttProtocol;
import org.isoband.gateway.runtime.Part;
import org.isoband.gateway.runtime.PartContext;

/**
 * Moquette on a free loopback port, keeping nothing: the demo's broker when no {@code --broker} is given. The
 * port is chosen when the part is made, so the demo's configuration can name the broker before it starts.
 * (The gateway's tests have their own, which can be stopped and started again to play an outage.)
 */
public final class EmbeddedBroker implements Part {
    private final int port = freePort();
    private final Server server = new Server();

    @Override
    public String name() {
        return "embedded MQTT broker";
    }

    /** Moquette 0.17 speaks MQTT 3.1.1 only (0.18, with MQTT 5, is not on Maven Central here). */
    public MqttProtocol protocol() {
        return MqttProtocol.V3_1_1;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void start(PartContext context) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        // Moquette 0.17 reports usage to its authors unless told not to: it stays on loopback.
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        // Its default, 8092 bytes, is far below other brokers' (Mosquitto: 256 MB): a bigger message closed the link.
        p.setProperty("netty.mqtt.message_size", Integer.toString(256 * 1024));
        server.startServer(new MemoryConfig(p));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface for the embedded broker", e);
        }
    }

    @Override
    public void stop() {
        server.stopServer();
    }
}
