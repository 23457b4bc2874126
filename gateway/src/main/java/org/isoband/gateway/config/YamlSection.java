package org.isoband.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the configuration file, read key by key with defaults. Every getter records a problem
 * (with the line and the dotted key) instead of throwing, so that one check reports everything; keys that no
 * getter asked for are reported by {@link #finish} as unknown, with the nearest known key as a suggestion.
 */
final class YamlSection {
    private final String file;
    private final String path;
    private final int line;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final List<ConfigProblem> problems;
    private final List<ConfigProblem> warnings;

    private YamlSection(String file, String path, int line, MappingNode node, List<ConfigProblem> problems,
                        List<ConfigProblem> warnings) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.problems = problems;
        this.warnings = warnings;
        if (node != null) {
            for (NodeTuple tuple : node.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Node earlier = entries.put(key.getValue(), tuple.getValueNode());
                    if (earlier != null) {
                        // YAML forbids it, and SnakeYAML's node tree silently keeps both: the last would win.
                        problems.add(new ConfigProblem(file, line(key), key(key.getValue()), "a second '"
                                + key.getValue() + "' (the first is on line " + line(earlier) + "): keep one of them"));
                    }
                } else {
                    problems.add(new ConfigProblem(file, line(tuple.getKeyNode()), path, "keys must be plain words"));
                }
            }
        }
    }

    static YamlSection root(String file, MappingNode node, List<ConfigProblem> problems, List<ConfigProblem> warnings) {
        return new YamlSection(file, "", 1, node, problems, warnings);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private String key(String name) {
        return path.isEmpty() || name.isEmpty() ? path + name : path + "." + name;
    }

    private void problem(String name, Node at, String message) {
        problems.add(new ConfigProblem(file, at != null ? line(at) : line, key(name), message));
    }

    /** The value of {@code name} as text, or null when absent (and not a scalar: reported). */
    private String scalar(String name) {
        known.add(name);
        Node node = entries.get(name);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return v.isEmpty() || v.equals("~") || v.equals("null") ? null : v;
        }
        problem(name, node, "expected a single value, found a " + kind(node));
        return null;
    }

    private static String kind(Node node) {
        return node instanceof MappingNode ? "section" : node instanceof SequenceNode ? "list" : "value";
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    YamlSection section(String name) {
        known.add(name);
        Node node = entries.get(name);
        if (node == null || (node instanceof ScalarNode s && s.getValue().isEmpty())) {
            return new YamlSection(file, key(name), line, null, problems, warnings);
        }
        if (node instanceof MappingNode m) {
            return new YamlSection(file, key(name), line(node), m, problems, warnings);
        }
        problem(name, node, "expected a section (keys indented under it), found a " + kind(node));
        return new YamlSection(file, key(name), line(node), null, problems, warnings);
    }

    String string(String name, String fallback) {
        String v = scalar(name);
        return v != null ? v : fallback;
    }

    /** A word from {@code choices}. */
    String choice(String name, String fallback, List<String> choices) {
        String v = scalar(name);
        if (v == null) {
            return fallback;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            problem(name, entries.get(name), "'" + v + "' is not one of " + String.join(", ", choices)
                    + suggestion(lower, choices));
            return fallback;
        }
        return lower;
    }

    /** One of {@code choices} by its name in the file ({@code names}), case-insensitive; else {@code fallback}. */
    <E extends Enum<E>> E choice(String name, E fallback, List<E> choices, java.util.function.Function<E, String> names) {
        List<String> written = choices.stream().map(names).toList();
        String chosen = choice(name, names.apply(fallback), written);
        return choices.get(written.indexOf(chosen));
    }

    double number(String name, double fallback, double min, double max) {
        String v = scalar(name);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            problem(name, entries.get(name), "expected a number, found '" + v + "'");
            return fallback;
        }
        if (!(d >= min && d <= max)) {
            problem(name, entries.get(name), "must be between " + plain(min) + " and " + plain(max) + ", found " + v);
            return fallback;
        }
        return d;
    }

    int integer(String name, int fallback, int min, int max) {
        String v = scalar(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            String t = v.trim().toLowerCase(Locale.ROOT);
            n = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            problem(name, entries.get(name), "expected a whole number, found '" + v + "'");
            return fallback;
        }
        if (n < min || n > max) {
            problem(name, entries.get(name), "must be between " + min + " and " + max + ", found " + v);
            return fallback;
        }
        return (int) n;
    }

    boolean bool(String name, boolean fallback) {
        String v = scalar(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problem(name, entries.get(name), "expected true or false, found '" + v + "'");
                yield fallback;
            }
        };
    }

    /** A path; relative ones are taken from the configuration file's folder. */
    Path path(String name, Path fallback, Path base, boolean mustExist) {
        String v = scalar(name);
        if (v == null) {
            return fallback;
        }
        Path p = v.startsWith("~/") ? Path.of(System.getProperty("user.home"), v.substring(2)) : Path.of(v);
        Path resolved = p.isAbsolute() || base == null ? p : base.resolve(p);
        if (mustExist && !Files.isReadable(resolved)) {
            problem(name, entries.get(name), "no readable file " + resolved);
        }
        return resolved;
    }

    List<String> strings(String name, List<String> fallback) {
        known.add(name);
        Node node = entries.get(name);
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(name, node, "expected a list (- item per line, or [a, b]), found a " + kind(node));
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s) {
                out.add(s.getValue());
            } else {
                problem(name, item, "list items must be single values");
            }
        }
        return out;
    }

    List<Double> numbers(String name, List<Double> fallback) {
        List<String> texts = strings(name, null);
        if (texts == null) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(Double.parseDouble(t.trim()));
            } catch (NumberFormatException e) {
                problem(name, entries.get(name), "expected numbers, found '" + t + "'");
                return fallback;
            }
        }
        return out;
    }

    /** Reports a problem with a value that passed its type check but not a rule across keys. */
    void invalid(String name, String message) {
        problem(name, entries.get(name), message);
    }

    /** Records something that works but is likely not what the user wants (printed, never refused). */
    void warn(String name, String message) {
        Node at = entries.get(name);
        warnings.add(new ConfigProblem(file, at != null ? line(at) : line, key(name), "warning: " + message));
    }

    /** Reports every key no getter asked for. */
    void finish() {
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.add(new ConfigProblem(file, line(e.getValue()), key(e.getKey()),
                        "unknown key" + suggestion(e.getKey(), known)));
            }
        }
    }

    private static String suggestion(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, word.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance: edits to turn one word into the other. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
