package org.isoband.gateway.mqtt;

import org.isoband.core.mqtt.MqttProtocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.isoband.core.retry.Backoff;
import org.isoband.core.message.RepMessage;

/**
 * A small gateway process for {@link GatewayCrashIT}: publishes made-up reps through the real publisher and
 * outbox ({@code produce}: prints each rep's id once handed over, then "produced N" and waits to be killed),
 * or publishes what an earlier run left unsent ({@code drain}: exits 0 once everything is acknowledged).
 *
 * <pre>CrashTestGateway produce|drain BROKER_URL OUTBOX_FILE [COUNT]</pre>
 */
public final class CrashTestGateway {
    private CrashTestGateway() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        MqttConfig config = MqttConfig.of(args[1], "crash pi", List.of("red"), Path.of(args[2]))
                .withProtocol(MqttProtocol.V3_1_1) // GatewayCrashIT's broker is the embedded Moquette
                .withBackoff(Backoff.DEFAULT.withDelays(Duration.ofMillis(200), Duration.ofSeconds(1)));
        MqttPublisher publisher = MqttPublisher.start(config);
        if (mode.equals("produce")) {
            int count = Integer.parseInt(args[3]);
            for (int i = 1; i <= count; i++) {
                RepMessage rep = TestReps.rep("red", i);
                publisher.publishRep(rep);
                System.out.println("rep " + rep.id());
                Thread.sleep(5);
            }
            Thread.sleep(1000); // long enough for the last ones to be stored; the test kills this process
            System.out.println("produced " + count);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        } else {
            boolean drained = publisher.awaitDrained(Duration.ofSeconds(60));
            System.out.println(drained ? "drained" : "not drained: " + publisher.stats());
            publisher.close();
            System.exit(drained ? 0 : 1);
        }
    }
}
