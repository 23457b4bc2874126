package org.isoband.gateway.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a stop puts the events that only lived in memory because the outbox could not be written: one JSON
 * object per line in {@code <outbox>.unsent.jsonl}, written whole and fsynced. The next start moves them into the
 * outbox (or back into memory) and deletes the file, so an event survives a full disk and a stop together.
 */
final class FallbackFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FallbackFile() {
    }

    static Path beside(Path outboxFile) {
        return outboxFile.resolveSibling(outboxFile.getFileName() + ".unsent.jsonl");
    }

    /**
     * Writes the events (replacing what the file held: those are still in memory, among {@code events}) and
     * waits for the disk; throws when it cannot.
     */
    static void write(Path file, List<OutboxEntry> events) throws IOException {
        StringBuilder text = new StringBuilder();
        for (OutboxEntry e : events) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", e.id());
            o.put("kind", e.kind());
            o.put("band", e.band());
            o.put("verdict", e.verdict());
            o.put("topic", e.topic());
            o.put("payload", e.payload());
            o.put("created_ms", e.createdMs());
            text.append(JSON.writeValueAsString(o)).append('\n');
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var channel = java.nio.channels.FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             Writer w = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            w.write(text.toString());
            w.flush();
            channel.force(true);
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The events in the file, oldest first; a torn last line (a crash while appending) is skipped. */
    static List<OutboxEntry> read(Path file) throws IOException {
        List<OutboxEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            out.add(new OutboxEntry(0, o.path("id").asText(), o.path("kind").asText(), o.path("band").asText(),
                    o.path("verdict").isNull() ? null : o.path("verdict").asText(null), o.path("topic").asText(),
                    o.path("payload").asText(), o.path("created_ms").asLong()));
        }
        return out;
    }
}
