package org.isoband.gateway.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the doctor can see of the machine: files, folders, commands, sockets. An interface of its own so the
 * checks can be tested against a made-up Pi.
 */
public interface MachineView {

    boolean exists(Path path);

    boolean readableAndWritable(Path path);

    List<String> list(Path folder);

    Optional<String> read(Path file);

    /** The output of a command, if it ran and exited 0 within a few seconds. */
    Optional<String> run(String... command);

    /** Whether a TCP connection to host:port opens within the timeout. */
    boolean connects(String host, int port, int timeoutMillis);

    /**
     * This machine's addresses on its home network (IPv4, site-local: 192.168.x.x, 10.x.x.x, 172.16-31.x.x), for
     * the address phones open; empty when it has none.
     */
    default List<String> lanAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && a.isSiteLocalAddress()) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (java.net.SocketException e) {
            return List.of();
        }
        return out;
    }

    /** The machine this runs on. */
    MachineView LOCAL = new MachineView() {
        @Override
        public boolean exists(Path path) {
            return Files.exists(path);
        }

        @Override
        public boolean readableAndWritable(Path path) {
            return Files.isReadable(path) && Files.isWritable(path);
        }

        @Override
        public List<String> list(Path folder) {
            List<String> out = new ArrayList<>();
            try (var s = Files.list(folder)) {
                s.forEach(p -> out.add(p.getFileName().toString()));
            } catch (IOException e) {
                return List.of();
            }
            return out;
        }

        @Override
        public Optional<String> read(Path file) {
            try {
                return Optional.of(Files.readString(file).trim());
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<String> run(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                String out = new String(p.getInputStream().readAllBytes()).trim();
                return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        @Override
        public boolean connects(String host, int port, int timeoutMillis) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), timeoutMillis);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    };
}
