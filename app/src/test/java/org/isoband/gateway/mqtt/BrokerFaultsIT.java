package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isoband.core.retry.Backoff;
import org.isoband.dashboard.RunningDashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a home broker does to reps, end to end with the real Mosquitto, the gateway's publisher (MQTT 5) and the
 * real dashboard: every rep the gateway made is stored by the dashboard, none twice.
 */
class BrokerFaultsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private MqttPublisher publisher;
    private RunningDashboard dashboard;
    private final EndToEnd e2e = new EndToEnd();

    @BeforeEach
    void needsMosquitto() {
        MosquittoBroker.assumeInstalled();
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close(Duration.ZERO);
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private MqttPublisher gateway() {
        return MqttPublisher.start(MqttConfig.of(broker.url(), EndToEnd.GATEWAY, List.of("red"), dir.resolve("outbox.db"))
                .withBackoff(Backoff.DEFAULT.withDelays(Duration.ofMillis(200), Duration.ofSeconds(2))));
    }

    @Test
    void aBrokerSigkilledTwiceMidSessionThatForgetsEverythingLosesNoRepOnTheWayToTheDashboard() throws Exception {
        // Mosquitto's default: persistence saved every 30 minutes, so a SIGKILL loses the dashboard's session,
        // its queue and the retained topics: what a power cut or the OOM killer does at home.
        broker = MosquittoBroker.start(dir.resolve("mosquitto"), false);
        dashboard = EndToEnd.dashboard(dir, broker.url());
        assertThat(dashboard.awaitSubscribed(30, TimeUnit.SECONDS)).isTrue();
        publisher = gateway();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                publisher.publishRep(e2e.rep());
                Thread.sleep(15);
            }
            if (round < 2) {
                broker.kill();
                for (int i = 0; i < 10; i++) {
                    publisher.publishRep(e2e.rep()); // made while the broker is down
                }
                broker.startAgain();
            }
        }

        assertThat(e2e.awaitAllStored(dashboard, WAIT)).as("stored %d of %d", EndToEnd.stored(dashboard).size(), e2e.made().size()).isTrue();
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        List<String> stored = EndToEnd.stored(dashboard);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(e2e.made());
        assertThat(EndToEnd.duplicates(stored)).isEmpty();
    }

    @Test
    void repsTheBrokersAclRefusesStayInTheOutboxAndAllArriveOnceTheRuleIsFixed() throws Exception {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic deny isoband/+/+/rep\ntopic readwrite isoband/#\ntopic readwrite homeassistant/#\n");
        broker = MosquittoBroker.start(dir.resolve("mosquitto"), false, "acl_file " + acl + "\n");
        dashboard = EndToEnd.dashboard(dir, broker.url());
        assertThat(dashboard.awaitSubscribed(30, TimeUnit.SECONDS)).isTrue();
        publisher = gateway();
        for (int i = 0; i < 25; i++) {
            publisher.publishRep(e2e.rep());
        }
        // MQTT 5: Mosquitto answers each with PUBACK 0x87 Not authorized; under 3.1.1 they would be "sent" now.
        assertThat(EndToEnd.await(WAIT, () -> publisher.stats().connected())).isTrue();
        Thread.sleep(1500);
        assertThat(publisher.stats().unsent()).isEqualTo(25);
        assertThat(publisher.stats().acked()).isZero();
        assertThat(EndToEnd.stored(dashboard)).isEmpty();

        Files.writeString(acl, "topic readwrite isoband/#\ntopic readwrite homeassistant/#\n");
        broker.reload();

        assertThat(e2e.awaitAllStored(dashboard, WAIT)).isTrue();
        assertThat(publisher.awaitDrained(WAIT)).isTrue();
        List<String> stored = EndToEnd.stored(dashboard);
        assertThat(stored).containsExactlyInAnyOrderElementsOf(e2e.made());
        assertThat(EndToEnd.duplicates(stored)).isEmpty();
    }

    @Test
    void aReplayRequestTheBrokerRefusesIsSaidLoudlyAndAskedAgainUntilEveryMissedRepArrives() throws Exception {
        // The dashboard may read but not yet write the replay topic: its user's rules lack "topic write isoband/+/replay".
        Path acl = dir.resolve("acl");
        String gatewayRules = "topic readwrite isoband/#\ntopic readwrite homeassistant/#\n";
        Files.writeString(acl, gatewayRules + "user dashboard\ntopic read isoband/#\n");
        broker = MosquittoBroker.start(dir.resolve("mosquitto"), false, "acl_file " + acl + "\n");
        publisher = gateway();
        for (int i = 0; i < 15; i++) {
            publisher.publishRep(e2e.rep()); // no dashboard yet: the broker takes them for nobody (0x10)
        }
        assertThat(publisher.awaitDrained(WAIT)).isTrue();

        LogLines log = LogLines.of("org.isoband.dashboard.ingest");
        try {
            dashboard = EndToEnd.dashboardAs(dir, broker.url(), "dashboard"); // a new client: no session, so it asks
            assertThat(dashboard.awaitSubscribed(30, TimeUnit.SECONDS)).isTrue();
            String replayTopic = "isoband/" + EndToEnd.GATEWAY + "/replay";
            assertThat(EndToEnd.await(WAIT, () -> log.contains("MQTT BROKER REFUSED the replay request on " + replayTopic + ": 0x87 Not authorized")))
                    .as(log.toString()).isTrue();
            for (int i = 0; i < 5; i++) {
                publisher.publishRep(e2e.rep()); // these reach the dashboard live
            }
            assertThat(e2e.awaitAllStored(dashboard, Duration.ofSeconds(3))).as("the refused request brought nothing").isFalse();

            Files.writeString(acl, gatewayRules + "user dashboard\ntopic read isoband/#\ntopic write isoband/+/replay\n");
            broker.reload();

            assertThat(e2e.awaitAllStored(dashboard, WAIT)).as("stored %d of %d", EndToEnd.stored(dashboard).size(), e2e.made().size()).isTrue();
            assertThat(log.contains("takes the replay requests on " + replayTopic + " again")).as(log.toString()).isTrue();
            List<String> stored = EndToEnd.stored(dashboard);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(e2e.made());
            assertThat(EndToEnd.duplicates(stored)).isEmpty();
        } finally {
            log.close();
        }
    }
}
