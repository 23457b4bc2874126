package org.isoband.dashboard.ingest;

import java.util.regex.Pattern;

/**
 * Where a message came from, read off its topic: {@code <prefix>/<gateway>/status} or
 * {@code <prefix>/<gateway>/<band>/<kind>}. Gateways sanitize their names to {@code [a-z0-9_-]} before they put
 * them in topics (docs/mqtt.md, "Topics"), so any other character means a topic that is not ours.
 *
 * @param gateway the gateway's name
 * @param band    the band's name; null for a gateway's status
 * @param kind    {@code status}, {@code force}, {@code state}, {@code rep}, {@code session} or {@code max_test}
 */
public record Topic(String gateway, String band, String kind) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");

    /** What a topic is; {@link #UNKNOWN} for topics under the prefix that the contract v1 does not define. */
    public enum Shape { STATUS, FORCE, STATE, REP, SESSION, MAX_TEST, UNKNOWN }

    /** The topic filters to subscribe to, with the QoS the contract publishes each at. */
    public static String[] filters(String prefix) {
        return new String[] {prefix + "/+/status", prefix + "/+/+/force", prefix + "/+/+/state", prefix + "/+/+/rep",
            prefix + "/+/+/session", prefix + "/+/+/max_test"};
    }

    public static int[] qos() {
        return new int[] {1, 0, 1, 1, 1, 1};
    }

    /** Reads {@code topic}; null when it is not under {@code prefix} or its names are not sanitized ones. */
    public static Topic parse(String prefix, String topic) {
        if (topic == null || !topic.startsWith(prefix + "/")) {
            return null;
        }
        String[] parts = topic.substring(prefix.length() + 1).split("/", -1);
        if (parts.length == 2 && parts[1].equals("status") && NAME.matcher(parts[0]).matches()) {
            return new Topic(parts[0], null, "status");
        }
        if (parts.length == 3 && NAME.matcher(parts[0]).matches() && NAME.matcher(parts[1]).matches()) {
            return new Topic(parts[0], parts[1], parts[2]);
        }
        return null;
    }

    public Shape shape() {
        return switch (kind) {
            case "status" -> Shape.STATUS;
            case "force" -> Shape.FORCE;
            case "state" -> Shape.STATE;
            case "rep" -> Shape.REP;
            case "session" -> Shape.SESSION;
            case "max_test" -> Shape.MAX_TEST;
            default -> Shape.UNKNOWN;
        };
    }

    /** {@code gateway/band}, the key of a band across gateways. */
    public String bandKey() {
        return gateway + "/" + band;
    }
}
