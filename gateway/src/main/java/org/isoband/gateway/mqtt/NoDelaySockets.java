package org.isoband.gateway.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that turn Nagle's algorithm off (TCP_NODELAY). Paho 1.2.5 leaves it on, and a small
 * PUBLISH then waits for the broker's delayed ACK of the previous one: up to 40 ms on Linux, twice the
 * latency budget of a state message. Paho connects the sockets these create, so only the option is set here.
 */
final class NoDelaySockets {
    private NoDelaySockets() {
    }

    static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** For {@code tcp://}. */
    static SocketFactory plain() {
        return new SocketFactory() {
            private final SocketFactory inner = SocketFactory.getDefault();

            @Override
            public Socket createSocket() throws IOException {
                return noDelay(inner.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return noDelay(inner.createSocket(host, port, localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return noDelay(inner.createSocket(address, port, localAddress, localPort));
            }
        };
    }

    /** For {@code ssl://}: Paho insists on an SSLSocketFactory there. */
    static SSLSocketFactory tls(SSLSocketFactory inner) {
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return inner.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return inner.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket() throws IOException {
                return noDelay(inner.createSocket());
            }

            @Override
            public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                return noDelay(inner.createSocket(s, host, port, autoClose));
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                return noDelay(inner.createSocket(host, port, localHost, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(inner.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                return noDelay(inner.createSocket(address, port, localAddress, localPort));
            }
        };
    }
}
