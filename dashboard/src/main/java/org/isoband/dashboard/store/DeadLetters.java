package org.isoband.dashboard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Payloads refused for a permanent reason, with that reason: acknowledged to the broker (so one bad rep cannot
 * jam the stream behind it) and kept here to be looked at, never silently dropped.
 */
public final class DeadLetters {
    static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    /** One refused payload. */
    public record DeadLetter(Instant received, String topic, String reason, String payload) {
    }

    private final Database db;

    public DeadLetters(Database db) {
        this.db = db;
    }

    public void add(String topic, String payload, String reason, Instant received) {
        db.call("keep a refused payload from " + topic, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO dead_letter (received_ms, topic, reason, payload) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, received.toEpochMilli());
                s.setString(2, cut(escaped(topic), 512));
                s.setString(3, cut(escaped(reason), 1000));
                s.setString(4, cut(escaped(payload), MAX_PAYLOAD_CHARS));
                return s.executeUpdate();
            }
        });
    }

    public long count() {
        return db.call("count refused payloads", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM dead_letter"); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The newest first. */
    public List<DeadLetter> newest(int limit) {
        return db.call("read refused payloads", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT received_ms, topic, reason, payload FROM dead_letter ORDER BY received_ms DESC LIMIT ?")) {
                s.setInt(1, limit);
                List<DeadLetter> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeadLetter(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /** Control characters (NUL above all, which PostgreSQL text cannot hold) as \\uXXXX; newlines and tabs kept. */
    static String escaped(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\t') {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
