package org.isoband.gateway.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code mosquitto_sub} as an independent consumer: another MQTT implementation than ours reads what the
 * gateway published. Each line it prints is {@code RETAINED TOPIC PAYLOAD} ({@code -F '%r %t %p'}).
 */
final class MosquittoSub implements AutoCloseable {
    record Line(boolean retained, String topic, String payload) {
    }

    final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Process process;

    /**
     * @param clientId a persistent session under this id ({@code -c}), or null for a clean one
     */
    MosquittoSub(int port, String clientId, String... filters) {
        List<String> command = new ArrayList<>(List.of(MosquittoBroker.SUB.toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-q", "1", "-F", "%r %t %p"));
        if (clientId != null) {
            command.addAll(List.of("-c", "-i", clientId));
        }
        for (String f : filters) {
            command.addAll(List.of("-t", f));
        }
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] parts = line.split(" ", 3);
                    lines.add(new Line(parts[0].equals("1"), parts[1], parts.length > 2 ? parts[2] : ""));
                }
            } catch (IOException e) {
                // Closed.
            }
        }, "mosquitto_sub");
        reader.setDaemon(true);
        reader.start();
    }

    List<Line> on(java.util.function.Predicate<String> topic) {
        return lines.stream().filter(l -> topic.test(l.topic())).toList();
    }

    List<String> payloadsEndingWith(String suffix) {
        return on(t -> t.endsWith(suffix)).stream().map(Line::payload).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
