package org.isoband.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoband.dashboard.testing.Reps.held;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.store.RepQuery;
import org.isoband.dashboard.testing.Mosquitto;
import org.isoband.dashboard.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad rep used to jam the dashboard on PostgreSQL: its insert failed, it was never acknowledged, the broker
 * redelivered it forever and no later rep was stored. Now, through the real Mosquitto into a real PostgreSQL,
 * the poison reps land in the dead letters and every good rep after them is stored.
 */
class PoisonRepPostgresIT {
    @TempDir
    Path dir;

    @Test
    void poison_reps_go_to_the_dead_letters_and_every_good_rep_after_them_is_stored() throws Exception {
        try (Mosquitto broker = Mosquitto.start(dir); Postgres pg = Postgres.start();
             RunningDashboard d = Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(pg.jdbcUrl())
                     .withBroker(broker.url(), null, null, "isoband").withZone(ZoneOffset.UTC))) {
            assertThat(d.awaitSubscribed(30, TimeUnit.SECONDS)).isTrue();
            Instant t0 = Instant.now().minusSeconds(3600);
            String longSession = held("band1", "right", 0, 1, t0).toJson()
                    .replace("\"session\":\"s1\"", "\"session\":\"" + "s".repeat(129) + "\"");
            String nulSession = held("band1", "right", 0, 2, t0).toJson().replace("\"session\":\"s1\"", "\"session\":\"s\\u0000\"");
            broker.publish("isoband/pi/band1/rep", longSession);
            broker.publish("isoband/pi/band1/rep", nulSession);
            List<String> good = new ArrayList<>();
            for (int n = 3; n < 23; n++) {
                RepMessage r = held("band1", "right", 0, n, t0.plusSeconds(20L * n));
                good.add(r.id());
                broker.publish("isoband/pi/band1/rep", r.toJson());
            }

            MosquittoIngestIT.waitFor(() -> d.store().count() == good.size(), Duration.ofSeconds(60));
            assertThat(d.store().reps(RepQuery.ALL)).extracting(s -> s.rep().id()).containsExactlyInAnyOrderElementsOf(good);
            assertThat(d.ingest().deadLetters().count()).isEqualTo(2);
            assertThat(d.ingest().deadLetters().newest(5)).extracting(l -> l.reason())
                    .anySatisfy(r -> assertThat(r).contains("longer than 128"))
                    .anySatisfy(r -> assertThat(r).contains("control character"));
            assertThat(d.brokerConnected()).isTrue();
        }
    }
}
