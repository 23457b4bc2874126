package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isoband.core.retry.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to the real Mosquitto with the PEM files a home setup has: a CA of its own, a server certificate for
 * localhost, and a client certificate that the broker requires. Certificates are made by openssl in the test.
 */
class MosquittoTlsIT {
    @TempDir
    Path dir;
    private MosquittoBroker broker;
    private MqttPublisher publisher;

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
    }

    /** A CA, and a certificate signed by it for {@code name} with the given subjectAltName. */
    private void certificate(String name, String ca, String altNames) throws Exception {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
        Files.writeString(dir.resolve(name + ".ext"), altNames == null ? "basicConstraints=CA:FALSE\n" : "subjectAltName=" + altNames + "\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    @BeforeEach
    void certificatesAndBroker() throws Exception {
        MosquittoBroker.assumeInstalled();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed: no certificates to test with");
        for (String ca : List.of("ca", "other-ca")) {
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca + ".key", "-out", ca + ".pem",
                    "-days", "2", "-subj", "/CN=isoband test " + ca);
        }
        certificate("server", "ca", "DNS:localhost,IP:127.0.0.1");
        certificate("client", "ca", null);
        certificate("stranger", "other-ca", null);
        broker = MosquittoBroker.start(dir.resolve("mosquitto"), false,
                "cafile " + dir.resolve("ca.pem") + "\ncertfile " + dir.resolve("server.pem") + "\nkeyfile "
                        + dir.resolve("server.key") + "\nrequire_certificate true\n");
    }

    @AfterEach
    void stop() throws Exception {
        if (publisher != null) {
            publisher.close(Duration.ZERO);
        }
        if (broker != null) {
            broker.close();
        }
    }

    private MqttConfig config(String ca, String client) {
        return MqttConfig.of("ssl://localhost:" + broker.port(), "tls pi", List.of("red"), dir.resolve("outbox.db"))
                .withTls(dir.resolve(ca + ".pem"), dir.resolve(client + ".pem"), dir.resolve(client + ".key"))
                .withBackoff(Backoff.DEFAULT.withDelays(Duration.ofMillis(200), Duration.ofSeconds(1)));
    }

    @Test
    void publishesOverMutualTlsWithTheHomeCa() throws Exception {
        publisher = MqttPublisher.start(config("ca", "client"));
        publisher.publishRep(TestReps.rep("red", 1));

        assertThat(publisher.awaitDrained(Duration.ofSeconds(20))).isTrue();
        assertThat(publisher.stats().connected()).isTrue();
        assertThat(publisher.stats().acked()).isEqualTo(1);
    }

    @Test
    void refusesABrokerSignedByAnotherCa() throws Exception {
        publisher = MqttPublisher.start(config("other-ca", "client"));
        publisher.publishRep(TestReps.rep("red", 1));

        assertThat(publisher.awaitDrained(Duration.ofSeconds(3))).isFalse();
        assertThat(publisher.stats().connects()).isZero();
        assertThat(publisher.stats().unsent()).isEqualTo(1);
    }

    @Test
    void theBrokerRefusesAClientCertificateItDoesNotKnow() throws Exception {
        publisher = MqttPublisher.start(config("ca", "stranger"));

        Thread.sleep(2000);
        assertThat(publisher.stats().connects()).isZero();
    }

    @Test
    void anOldStyleKeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        openssl("genrsa", "-traditional", "-out", "old.key", "2048");

        assertThatThrownBy(() -> org.isoband.core.tls.PemTls.socketFactory(dir.resolve("ca.pem"), dir.resolve("client.pem"), dir.resolve("old.key")))
                .hasMessageContaining("old.key").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> org.isoband.core.tls.PemTls.socketFactory(dir.resolve("client.key"), null, null))
                .hasMessageContaining("client.key").hasMessageContaining("not a readable PEM certificate");
    }

    @Test
    void theDashboardReadsTheSameTlsSettingsAndStoresEveryRepThroughMutualTls() throws Exception {
        org.isoband.dashboard.RunningDashboard dashboard = EndToEnd.dashboard(dir, "ssl://localhost:" + broker.port(),
                new org.isoband.dashboard.DashboardSettings.BrokerTls(dir.resolve("ca.pem"), dir.resolve("client.pem"),
                        dir.resolve("client.key")));
        try {
            assertThat(dashboard.awaitSubscribed(30, TimeUnit.SECONDS)).as("the dashboard connected over mutual TLS").isTrue();
            // The gateway named as the reps say (the dashboard believes the topic, not the payload).
            publisher = MqttPublisher.start(MqttConfig.of("ssl://localhost:" + broker.port(), EndToEnd.GATEWAY, List.of("red"),
                    dir.resolve("outbox.db")).withTls(dir.resolve("ca.pem"), dir.resolve("client.pem"), dir.resolve("client.key")));
            EndToEnd e2e = new EndToEnd();
            for (int i = 0; i < 10; i++) {
                publisher.publishRep(e2e.rep());
            }
            assertThat(e2e.awaitAllStored(dashboard, Duration.ofSeconds(30))).isTrue();
            assertThat(EndToEnd.stored(dashboard)).containsExactlyInAnyOrderElementsOf(e2e.made());
        } finally {
            dashboard.close();
        }
    }

    @Test
    void theDashboardRefusesABrokerSignedByAnotherCa() throws Exception {
        org.isoband.dashboard.RunningDashboard dashboard = EndToEnd.dashboard(dir, "ssl://localhost:" + broker.port(),
                new org.isoband.dashboard.DashboardSettings.BrokerTls(dir.resolve("other-ca.pem"), dir.resolve("client.pem"),
                        dir.resolve("client.key")));
        try {
            assertThat(dashboard.awaitSubscribed(3, TimeUnit.SECONDS)).isFalse();
        } finally {
            dashboard.close();
        }
    }
}
