package org.isoband.gateway.mqtt;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The topics of the MQTT contract for one gateway. Gateway and band names come from people ("Red band #2",
 * "Jörg's Pi") and become single topic levels, so {@link #sanitize} reduces them to {@code [a-z0-9_-]}: never
 * a wildcard ({@code +}, {@code #}), a level separator ({@code /}) or a space, never empty.
 */
public final class TopicNames {
    private final String prefix;
    private final String gateway;
    private final String discoveryPrefix;

    /**
     * @param prefix          the contract's root, {@code isoband} by default; may have several levels
     * @param gateway         the gateway's name, sanitized here
     * @param discoveryPrefix Home Assistant's discovery prefix, {@code homeassistant} by default
     */
    public TopicNames(String prefix, String gateway, String discoveryPrefix) {
        this.prefix = checkPrefix(prefix, "topic prefix");
        this.discoveryPrefix = checkPrefix(discoveryPrefix, "discovery prefix");
        this.gateway = sanitize(gateway);
    }

    /**
     * A name as one topic level: accents dropped, lowercase, every other character but {@code a-z 0-9 _ -}
     * replaced by {@code _}, runs of {@code _} collapsed and trimmed.
     *
     * @throws IllegalArgumentException when nothing usable is left (an empty name, or only symbols)
     */
    public static String sanitize(String name) {
        Objects.requireNonNull(name, "name");
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String lower = plain.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            char next = keep ? c : '_';
            if (next == '_' && out.length() > 0 && out.charAt(out.length() - 1) == '_') {
                continue;
            }
            out.append(next);
        }
        String result = trimUnderscores(out);
        if (result.isEmpty()) {
            throw new IllegalArgumentException("the name \"" + name + "\" has no letters or digits to make a topic level of");
        }
        return result;
    }

    private static String trimUnderscores(StringBuilder s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '_') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '_') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String checkPrefix(String prefix, String what) {
        Objects.requireNonNull(prefix, what);
        if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
            throw new IllegalArgumentException(what + " \"" + prefix + "\" must be non-empty levels separated by single slashes");
        }
        for (char c : prefix.toCharArray()) {
            if (c == '+' || c == '#' || c == 0 || Character.isWhitespace(c)) {
                throw new IllegalArgumentException(what + " \"" + prefix + "\" must not contain wildcards, spaces or NUL");
            }
        }
        return prefix;
    }

    /** The sanitized gateway name, as it appears in topics and payloads. */
    public String gateway() {
        return gateway;
    }

    public String prefix() {
        return prefix;
    }

    public String discoveryPrefix() {
        return discoveryPrefix;
    }

    /** {@code isoband/<gateway>/status}: retained online/offline, with the Last Will. */
    public String status() {
        return prefix + "/" + gateway + "/status";
    }

    /** Where consumers ask this gateway to publish its rep and session events again (docs/mqtt.md, "Resync"). */
    public String replay() {
        return prefix + "/" + gateway + "/replay";
    }

    public String force(String band) {
        return bandTopic(band, "force");
    }

    public String state(String band) {
        return bandTopic(band, "state");
    }

    public String rep(String band) {
        return bandTopic(band, "rep");
    }

    public String session(String band) {
        return bandTopic(band, "session");
    }

    /** The force for Home Assistant: one mean a second ({@link ForceMean}), so its recorder stays quiet. */
    public String forceMean(String band) {
        return bandTopic(band, "force_1s");
    }

    /** Retained gateway diagnostics: unsent outbox events and the last error ({@link GatewayDiagnostics}). */
    public String diagnostics() {
        return prefix + "/" + gateway + "/diagnostics";
    }

    /** The result of a maximum test at one position. */
    public String maxTest(String band) {
        return bandTopic(band, "max_test");
    }

    /** Retained online/offline of the band's sensor link, from the data heartbeat. */
    public String availability(String band) {
        return bandTopic(band, "availability");
    }

    /** Every topic of the gateway, for a subscriber: {@code isoband/<gateway>/#}. */
    public String all() {
        return prefix + "/" + gateway + "/#";
    }

    /** Home Assistant's discovery config topic: {@code homeassistant/<component>/<node id>/<object>/config}. */
    public String discovery(String component, String nodeId, String object) {
        return discoveryPrefix + "/" + component + "/" + nodeId + "/" + object + "/config";
    }

    /** Every discovery config, for the scan that finds configs of bands no longer configured. */
    public String allDiscovery() {
        return discoveryPrefix + "/#";
    }

    /**
     * The node id of a band known only by its name, also its device's identifier: {@code isoband_<gw>_<band>}.
     * A band with a hardware address is named by that instead ({@link HomeAssistantOptions}).
     */
    public String nodeId(String band) {
        return "isoband_" + gateway + "_" + sanitize(band);
    }

    /** The band's topic level of a topic of this gateway ({@code isoband/<gw>/<band>/state} -> band), or null. */
    public String bandOf(String topic) {
        String root = prefix + "/" + gateway + "/";
        if (topic == null || !topic.startsWith(root)) {
            return null;
        }
        String[] rest = topic.substring(root.length()).split("/");
        return rest.length == 2 ? rest[0] : null;
    }

    private String bandTopic(String band, String leaf) {
        return prefix + "/" + gateway + "/" + sanitize(band) + "/" + leaf;
    }
}
