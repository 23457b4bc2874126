package org.isoband.gateway.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.store.RepQuery;
import org.isoband.dashboard.store.StoredRep;

/**
 * The whole path for the fault tests: reps the gateway made (their ids) against the reps the real dashboard
 * stored, so a test says "equal, none twice" in one line.
 */
final class EndToEnd {
    static final String GATEWAY = "e2e_pi";
    private final List<String> made = new ArrayList<>();
    private final Instant t0 = Instant.now().minusSeconds(600);

    /** A rep as the gateway makes one. */
    RepMessage rep() {
        int n = made.size() + 1;
        Instant start = t0.plusSeconds(10L * n);
        RepMessage r = new RepMessage(UUID.randomUUID().toString(), GATEWAY, "red", "s1", "right", 0, n, start,
                start.plusSeconds(8), 7.0, 6.0, Verdict.HELD, 180, 182, 1.5, 0.2, 30, 150, 0);
        made.add(r.id());
        return r;
    }

    List<String> made() {
        return made;
    }

    static RunningDashboard dashboard(Path dir, String brokerUrl) {
        return dashboard(dir, brokerUrl, DashboardSettings.BrokerTls.NONE);
    }

    /** A dashboard that logs in as {@code username} (no password), for a broker's per-user access rules. */
    static RunningDashboard dashboardAs(Path dir, String brokerUrl, String username) {
        return Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve("dashboard.db").toString())
                .withBroker(brokerUrl, username, null, "isoband"));
    }

    static RunningDashboard dashboard(Path dir, String brokerUrl, DashboardSettings.BrokerTls tls) {
        return Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve("dashboard.db").toString())
                .withBroker(brokerUrl, null, null, "isoband").withBrokerTls(tls));
    }

    /** The ids the dashboard stored, each once (the table's key makes a duplicate impossible; this checks it). */
    static List<String> stored(RunningDashboard dashboard) {
        return dashboard.store().reps(RepQuery.ALL).stream().map(StoredRep::rep).map(RepMessage::id).toList();
    }

    /** Waits until the dashboard stored every made rep (or the time is up); returns whether it did. */
    boolean awaitAllStored(RunningDashboard dashboard, Duration timeout) throws InterruptedException {
        return await(timeout, () -> Set.copyOf(stored(dashboard)).containsAll(made));
    }

    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static Set<String> duplicates(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                twice.add(id);
            }
        }
        return twice;
    }
}
