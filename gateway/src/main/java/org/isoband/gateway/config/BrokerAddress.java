package org.isoband.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an {@code mqtt.url} points: {@code tcp://HOST[:PORT]} or {@code ssl://HOST[:PORT]}, 1883 and 8883 by
 * default. Parsed once here so that the configuration check refuses what the publisher would choke on
 * (a space in the host, port 99999) instead of run retrying it forever.
 */
public record BrokerAddress(String host, int port, boolean tls) {

    /** @throws IllegalArgumentException with what is wrong with {@code url} and what it should look like */
    public static BrokerAddress parse(String url) {
        boolean tls = url.startsWith("ssl://");
        if (!tls && !url.startsWith("tcp://")) {
            throw new IllegalArgumentException("must start with tcp:// or ssl://, found '" + url + "'");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a broker address (" + e.getReason().toLowerCase(java.util.Locale.ROOT)
                    + "): expected " + example(tls));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' names no host: expected " + example(tls));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || (uri.getPort() < 0 && uri.getRawAuthority().endsWith(":"))) {
            throw new IllegalArgumentException("the port of '" + url + "' must be between 1 and 65535: expected " + example(tls));
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("'" + url + "' has a path or query after the port: expected " + example(tls));
        }
        return new BrokerAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 8883 : 1883, tls);
    }

    private static String example(boolean tls) {
        return tls ? "ssl://HOST:8883" : "tcp://HOST:1883";
    }
}
