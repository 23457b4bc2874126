package org.isoband.gateway.config;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The dashboard's {@code bind}: an address of this machine to listen on. Checked here because the web server
 * reports any address it cannot use (even {@code yes}, YAML's word for true) as "port already in use".
 */
final class ListenAddress {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String EXAMPLES = "127.0.0.1 (this machine only) or 0.0.0.0 (every network of this machine)";

    private ListenAddress() {
    }

    /** What is wrong with {@code bind}, or null when this machine can listen on it. */
    static String problem(String bind) {
        InetAddress address;
        try {
            if (IPV4.matcher(bind).matches() || bind.contains(":")) {
                address = InetAddress.getByName(bind);   // a literal: no name lookup
            } else if (bind.equalsIgnoreCase("localhost")) {
                return null;
            } else {
                address = InetAddress.getByName(bind);
            }
        } catch (UnknownHostException e) {
            return "'" + bind + "' is not an address of this machine: use " + EXAMPLES;
        }
        try {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
                return null;
            }
        } catch (SocketException e) {
            return null;   // cannot tell: let the web server try
        }
        return "'" + bind + "' (" + address.getHostAddress() + ") is not an address of this machine: use " + EXAMPLES;
    }

    /** Only this machine can reach it. */
    static boolean isLoopback(String bind) {
        if (bind.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return (IPV4.matcher(bind).matches() || bind.contains(":")) && InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
