package org.isoband.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoband.dashboard.testing.Reps.held;
import static org.isoband.dashboard.testing.Reps.rep;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.SessionSummary;
import org.junit.jupiter.api.Test;

/** What any database behind the dashboard must do; run against a real SQLite file and a real PostgreSQL. */
abstract class RepStoreContract {
    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    /** A fresh, empty database location (a file path or a JDBC URL). */
    abstract String freshDatabase() throws Exception;

    @Test
    void a_rep_is_stored_once_however_often_it_is_delivered() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            RepStore store = new RepStore(db);
            RepMessage r = held("band1", "right", 0, 1, T0);

            assertThat(store.add(r, null, T0)).isTrue();
            assertThat(store.add(r, null, T0.plusSeconds(5))).isFalse();
            assertThat(store.add(r, new ForceCurve(new double[] {0}, new double[] {1}), T0)).isFalse();

            assertThat(store.count()).isEqualTo(1);
            assertThat(store.reps(RepQuery.ALL)).containsExactly(new StoredRep(r, false));
            assertThat(store.curve(r.id())).isEmpty();
        }
    }

    @Test
    void every_field_reads_back_as_written_with_unknown_numbers_as_nan() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            RepStore store = new RepStore(db);
            RepMessage interrupted = new RepMessage("4e5b5c0e-1d0a-4a53-9f43-0a9b8a1f0001", "garage-pi", "red_band",
                    "2026-11-02T08:00:00Z#1", null, null, 3, T0, T0.plusMillis(2345), 1.25, 6.0, Verdict.INTERRUPTED,
                    Double.NaN, 88.5, Double.NaN, Double.NaN, 29.99, Double.NaN, 17);
            store.add(interrupted, null, T0);

            assertThat(store.reps(RepQuery.ALL)).singleElement().satisfies(s -> {
                RepMessage back = s.rep();
                assertThat(back).isEqualTo(interrupted);   // record equality: NaN equals NaN
                assertThat(back.meanN()).isNaN();
            });
        }
    }

    @Test
    void a_curve_is_stored_with_its_rep() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            RepStore store = new RepStore(db);
            RepMessage r = held("band1", "left", 2, 1, T0);
            ForceCurve curve = new ForceCurve(new double[] {-1000, -987.5, 0, 12.5, 8000}, new double[] {30, 30.25, 31, 180.5, 29.75});

            store.add(r, curve, T0);

            assertThat(store.curve(r.id())).contains(curve);
            assertThat(store.rep(r.id())).hasValueSatisfying(s -> assertThat(s.hasCurve()).isTrue());
        }
    }

    @Test
    void filters_by_gateway_band_leg_and_time_oldest_first() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            RepStore store = new RepStore(db);
            RepMessage a = held("band1", "right", 0, 1, T0);
            RepMessage b = held("band1", "left", 0, 2, T0.plusSeconds(60));
            RepMessage c = held("band2", "right", 1, 1, T0.plusSeconds(30));
            RepMessage d = rep("other-pi", "band1", "s9", "right", 0, 1, T0.plusSeconds(7 * 86400), 2.0, Verdict.SHORT, 100);
            for (RepMessage r : List.of(d, c, b, a)) {
                store.add(r, null, T0);
            }

            assertThat(ids(store.reps(RepQuery.ALL))).containsExactly(a.id(), c.id(), b.id(), d.id());
            assertThat(ids(store.reps(new RepQuery(null, "band1", null, null, null, 0)))).containsExactly(a.id(), b.id(), d.id());
            assertThat(ids(store.reps(new RepQuery("pi", "band1", null, null, null, 0)))).containsExactly(a.id(), b.id());
            assertThat(ids(store.reps(new RepQuery(null, null, "right", null, null, 0)))).containsExactly(a.id(), c.id(), d.id());
            assertThat(ids(store.reps(new RepQuery(null, null, null, T0.plusSeconds(30), T0.plusSeconds(86400), 0))))
                    .containsExactly(c.id(), b.id());
            assertThat(ids(store.reps(new RepQuery(null, null, null, null, null, 2)))).containsExactly(a.id(), c.id());
            assertThat(store.bands()).containsExactly(new RepStore.BandName("other-pi", "band1"),
                    new RepStore.BandName("pi", "band1"), new RepStore.BandName("pi", "band2"));
        }
    }

    @Test
    void session_summaries_are_stored_once() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            RepStore store = new RepStore(db);
            SessionSummary s = new SessionSummary("9d1f7a52-7f0e-4c8a-8d0b-2f6f7f4f0a11", "pi", "band1", "s1", T0,
                    T0.plusSeconds(1800), 3, Map.of(Verdict.HELD, 2, Verdict.SHORT, 1), 20.5, 8.25, 6);

            assertThat(store.addSession(s, T0)).isTrue();
            assertThat(store.addSession(s, T0)).isFalse();
            assertThat(store.sessionSummaries()).isEqualTo(1);
        }
    }

    @Test
    void reopening_keeps_the_history_and_migrates_nothing_twice() throws Exception {
        String location = freshDatabase();
        RepMessage r = held("band1", "right", 0, 1, T0);
        try (Database db = Database.open(location)) {
            new RepStore(db).add(r, null, T0);
        }
        try (Database db = Database.open(location)) {
            RepStore store = new RepStore(db);
            assertThat(store.count()).isEqualTo(1);
            assertThat(store.add(r, null, T0)).isFalse();
        }
    }

    static List<String> ids(List<StoredRep> reps) {
        return reps.stream().map(s -> s.rep().id()).toList();
    }

    /** A rep as JSON with one field changed, for the poison tests. */
    private static String withField(RepMessage r, String field, String json) {
        String text = r.toJson();
        String replaced = text.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + json));
        assertThat(replaced).as("field %s in %s", field, text).isNotEqualTo(text);
        return replaced;
    }

    @Test
    void poison_reps_are_kept_as_dead_letters_with_their_reason_and_the_good_ones_after_them_are_stored() throws Exception {
        try (Database db = Database.open(freshDatabase())) {
            RepStore store = new RepStore(db);
            org.isoband.dashboard.ingest.Ingest ingest = new org.isoband.dashboard.ingest.Ingest("isoband", store,
                    new org.isoband.dashboard.ingest.LiveState(), new org.isoband.dashboard.ingest.IngestListener() { },
                    java.time.Clock.fixed(T0.plusSeconds(3600), java.time.ZoneOffset.UTC));
            String topic = "isoband/pi/band1/rep";
            List<String> poison = List.of(
                    withField(held("band1", "right", 0, 1, T0), "session", "\"" + "s".repeat(129) + "\""),
                    withField(held("band1", "right", 0, 2, T0), "session", "\"s\\u0000nul\""),
                    withField(held("band1", "right", 0, 3, T0), "angle", "-5"),
                    withField(held("band1", "right", 0, 4, T0), "dropped", "-1"),
                    withField(held("band1", "right", 0, 5, T0), "start", "\"1970-01-01T00:00:00.000Z\""),
                    withField(held("band1", "right", 0, 6, T0), "end", "\"2099-01-01T00:00:00.000Z\""));
            for (String p : poison) {
                assertThat(ingest.accept(topic, p.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .as(p).isEqualTo(org.isoband.dashboard.ingest.Ingest.Outcome.DEAD_LETTER);
            }
            // At the limits the contract allows, the store must take it (the store refuses nothing validation let through).
            RepMessage longest = new RepMessage("i".repeat(64), "pi", "band1", "s".repeat(128), "left", 180, 7, T0,
                    T0.plusSeconds(9), 7.5, 6.0, Verdict.HELD, 99_999, 99_999, 100, -100, 0, 99_999, Long.MAX_VALUE / 2);
            assertThat(ingest.accept(topic, longest.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .isEqualTo(org.isoband.dashboard.ingest.Ingest.Outcome.STORED);
            for (int n = 8; n < 13; n++) {
                assertThat(ingest.accept(topic, held("band1", "right", 0, n, T0).toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .isEqualTo(org.isoband.dashboard.ingest.Ingest.Outcome.STORED);
            }

            assertThat(store.count()).isEqualTo(6);
            assertThat(ingest.deadLetters().count()).isEqualTo(poison.size());
            assertThat(ingest.deadLetters().newest(10)).extracting(org.isoband.dashboard.store.DeadLetters.DeadLetter::reason)
                    .anySatisfy(r -> assertThat(r).contains("session is longer than 128"))
                    .anySatisfy(r -> assertThat(r).contains("session holds a control character"))
                    .anySatisfy(r -> assertThat(r).contains("angle"))
                    .anySatisfy(r -> assertThat(r).contains("dropped"))
                    .anySatisfy(r -> assertThat(r).contains("before 2020"))
                    .anySatisfy(r -> assertThat(r).contains("more than a day after now"));
        }
    }
}
