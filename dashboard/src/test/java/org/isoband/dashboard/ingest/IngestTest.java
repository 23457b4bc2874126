package org.isoband.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoband.dashboard.testing.Reps.held;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.isoband.core.detect.Phase;
import org.isoband.core.message.ForceBatch;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.StateMessage;
import org.isoband.dashboard.ingest.Ingest.Outcome;
import org.isoband.dashboard.store.Database;
import org.isoband.dashboard.store.RepQuery;
import org.isoband.dashboard.store.RepStore;
import org.isoband.dashboard.store.StoredRep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest on a real SQLite file, without a broker: what it keeps, what it drops, what it tells. */
class IngestTest {
    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");

    @TempDir
    Path dir;
    Database db;
    RepStore store;
    Ingest ingest;
    final List<Object> told = new ArrayList<>();
    final List<LogRecord> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("d.db").toString());
        store = new RepStore(db);
        ingest = new Ingest("isoband", store, new LiveState(), new IngestListener() {
            @Override
            public void rep(StoredRep rep) {
                told.add(rep);
            }

            @Override
            public void state(StateMessage state) {
                told.add(state);
            }

            @Override
            public void status(String gateway, boolean online) {
                told.add(gateway + ":" + online);
            }
        }, Clock.fixed(T0, ZoneOffset.UTC));
        Logger.getLogger(RejectedPayloads.class.getName()).addHandler(capture);
    }

    @AfterEach
    void close() {
        Logger.getLogger(RejectedPayloads.class.getName()).removeHandler(capture);
        db.close();
    }

    private Outcome send(String topic, String payload) {
        return ingest.accept(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_rep_is_stored_and_told_once_however_often_it_arrives() {
        RepMessage r = held("band1", "right", 0, 1, T0);

        assertThat(send("isoband/pi/band1/rep", r.toJson())).isEqualTo(Outcome.STORED);
        assertThat(send("isoband/pi/band1/rep", r.toJson())).isEqualTo(Outcome.DUPLICATE);
        assertThat(send("isoband/pi/band1/rep", r.toJson())).isEqualTo(Outcome.DUPLICATE);

        assertThat(store.reps(RepQuery.ALL)).extracting(StoredRep::rep).containsExactly(r);
        assertThat(told).containsExactly(new StoredRep(r, false));
        assertThat(ingest.counts().reps()).isEqualTo(1);
        assertThat(ingest.counts().duplicates()).isEqualTo(2);
    }

    @Test
    void malformed_payloads_are_counted_per_topic_logged_once_per_topic_and_bad_reps_kept_as_dead_letters() {
        RepMessage r = held("band1", "right", 0, 1, T0);
        String good = r.toJson();

        assertThat(send("isoband/pi/band1/rep", "not json")).isEqualTo(Outcome.DEAD_LETTER);
        assertThat(send("isoband/pi/band1/rep", good.replace("\"schema\":2", "\"schema\":99"))).isEqualTo(Outcome.DEAD_LETTER);
        assertThat(send("isoband/pi/band1/rep", good.replace("\"verdict\":\"HELD\"", "\"verdict\":\"GREAT\""))).isEqualTo(Outcome.DEAD_LETTER);
        assertThat(send("isoband/pi/band1/rep", good.replace("\"leg\":\"right\"", "\"leg\":\"middle\""))).isEqualTo(Outcome.DEAD_LETTER);
        assertThat(send("isoband/pi/band2/rep", good)).as("the payload names band1, the topic band2").isEqualTo(Outcome.DEAD_LETTER);
        assertThat(ingest.accept("isoband/pi/status", new byte[] {(byte) 0xff, (byte) 0xfe})).isEqualTo(Outcome.MALFORMED);
        assertThat(send("isoband/pi/status", "maybe")).isEqualTo(Outcome.MALFORMED);
        assertThat(send("isoband/pi/band1/state", "{}")).isEqualTo(Outcome.MALFORMED);

        assertThat(store.count()).isZero();
        assertThat(ingest.deadLetters().count()).isEqualTo(5);
        assertThat(ingest.counts().malformed()).isEqualTo(8);
        assertThat(ingest.counts().malformedByTopic()).containsEntry("isoband/pi/band1/rep", 4L)
                .containsEntry("isoband/pi/band2/rep", 1L).containsEntry("isoband/pi/status", 2L)
                .containsEntry("isoband/pi/band1/state", 1L);
        assertThat(logged).hasSize(4);
        assertThat(logged.get(0).getMessage()).contains("isoband/pi/band1/rep", "not JSON");
        assertThat(told).isEmpty();

        assertThat(send("isoband/pi/band1/rep", good)).as("a good one after bad ones").isEqualTo(Outcome.STORED);
    }

    @Test
    void topics_outside_the_contract_are_ignored_not_counted_as_malformed() {
        assertThat(send("isoband/pi/band1/config", "{}")).isEqualTo(Outcome.IGNORED);
        assertThat(send("isoband/pi/band1/rep/extra", "{}")).isEqualTo(Outcome.IGNORED);
        assertThat(send("isoband/Pi Name/band1/rep", "{}")).isEqualTo(Outcome.IGNORED);
        assertThat(send("homeassistant/sensor/x/config", "{}")).isEqualTo(Outcome.IGNORED);
        assertThat(ingest.counts().ignored()).isEqualTo(4);
        assertThat(ingest.counts().malformed()).isZero();
    }

    @Test
    void states_and_statuses_of_any_number_of_gateways_and_bands_are_kept_live() {
        StateMessage a = state("pi", "band1", Phase.HOLD);
        StateMessage b = state("garage", "blue", Phase.REST);

        assertThat(send("isoband/pi/band1/state", a.toJson())).isEqualTo(Outcome.LIVE);
        assertThat(send("isoband/garage/blue/state", b.toJson())).isEqualTo(Outcome.LIVE);
        assertThat(send("isoband/pi/status", "online")).isEqualTo(Outcome.LIVE);
        assertThat(send("isoband/garage/status", "offline")).isEqualTo(Outcome.LIVE);

        assertThat(ingest.live().states()).containsExactly(b, a);
        assertThat(ingest.live().gateways()).containsEntry("pi", true).containsEntry("garage", false);
        assertThat(told).containsExactly(a, b, "pi:true", "garage:false");
    }

    @Test
    void a_rep_whose_force_was_seen_live_is_stored_with_its_curve() {
        RepMessage r = held("band1", "right", 0, 1, T0);   // 8.75 s long
        for (int batch = -2; batch < 12; batch++) {
            send("isoband/pi/band1/force", force("pi", "band1", T0.plusMillis(batch * 1000L), 80).toJson());
        }
        RepMessage late = held("band1", "left", 0, 1, T0.minusSeconds(3600));

        send("isoband/pi/band1/rep", r.toJson());
        send("isoband/pi/band1/rep", late.toJson());

        assertThat(store.rep(r.id())).hasValueSatisfying(s -> assertThat(s.hasCurve()).isTrue());
        assertThat(store.curve(r.id())).hasValueSatisfying(c -> {
            assertThat(c.offsetsMs()[0]).isBetween(-1000.0, -987.0);
            assertThat(c.offsetsMs()[c.size() - 1]).isGreaterThan(8750);
            assertThat(c.size()).isBetween(800, 900);
        });
        assertThat(store.rep(late.id())).hasValueSatisfying(s -> assertThat(s.hasCurve()).isFalse());
        assertThat(ingest.counts().curves()).isEqualTo(1);
    }

    static StateMessage state(String gateway, String band, Phase phase) {
        return new StateMessage(gateway, band, "s1", phase, "right", 0, 2, 3.5, 180.25, 30.5, "STREAMING", 4, 3, T0);
    }

    /** One second of samples at {@code hz}. */
    static ForceBatch force(String gateway, String band, Instant start, int hz) {
        double[] t = new double[hz];
        double[] n = new double[hz];
        for (int i = 0; i < hz; i++) {
            t[i] = i * 1000.0 / hz;
            n[i] = 30 + 150 * Math.sin(Math.PI * i / hz);
        }
        return new ForceBatch(gateway, band, start, t, n, 0);
    }
}
