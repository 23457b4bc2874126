package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.isoband.core.message.RepMessage;
import org.isoband.app.cli.IsobandCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/*
 * In the gateway's MQTT test package (in app, because it runs the command line) to share its package-private
 * brokers and subscribers from the gateway's test jar.
 */
/**
 * `isoband demo` end to end: the simulated athlete trains at 40x, its reps go over a real broker (the real
 * Mosquitto when installed, as in CI; Moquette otherwise), and an independent subscriber sees every rep,
 * once, valid against the rep schema, with the verdicts the simulator injected.
 */
class DemoEndToEndIT {

    @TempDir
    Path dir;

    @Test
    void aSubscriberSeesEveryRepOfTheDemo() throws Exception {
        boolean mosquitto = Files.isExecutable(MosquittoBroker.BINARY);
        if (!mosquitto) {
            System.out.println("DemoEndToEndIT: no " + MosquittoBroker.BINARY + ": using the embedded Moquette");
            assertThat(System.getenv("CI")).as("CI must test against the real Mosquitto").isNotEqualTo("true");
        }
        try (AutoCloseable broker = mosquitto ? MosquittoBroker.start(dir) : EmbeddedBroker.start()) {
            String url = mosquitto ? ((MosquittoBroker) broker).url() : ((EmbeddedBroker) broker).url();
            PayloadSchemas schemas = new PayloadSchemas();
            try (TestSubscriber sub = new TestSubscriber(url, "isoband/#")) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();

                int code = IsobandCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                        "--broker", url, "--scenario", "set", "--speed", "40", "--headless", "--duration", "60s");

                assertThat(code).as(err.toString()).isZero();
                assertThat(out.toString()).containsPattern("dashboard http://127\\.0\\.0\\.1:\\d+/");
                assertThat(sub.await(Duration.ofSeconds(30), () -> sub.payloadsEndingWith("/rep").size() >= 6)).isTrue();
                List<String> reps = sub.payloadsEndingWith("/rep");
                for (String payload : reps) {
                    assertThat(schemas.errors("isoband/demo/demo-band/rep", payload)).as(payload).isEmpty();
                }
                List<RepMessage> messages = reps.stream().map(RepMessage::fromJson).toList();
                assertThat(messages).extracting(RepMessage::id).doesNotHaveDuplicates();
                assertThat(messages).extracting(m -> m.verdict().name())
                        .containsExactly("HELD", "SHORT", "HELD", "MOVED", "UNSTEADY", "HELD");
                assertThat(messages).extracting(RepMessage::leg).containsOnly("right");
                assertThat(sub.payloadsEndingWith("/status")).last().isEqualTo("offline");
            }
        }
    }
}
