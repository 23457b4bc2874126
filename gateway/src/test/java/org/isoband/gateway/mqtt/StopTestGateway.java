package org.isoband.gateway.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.isoband.core.message.RepMessage;
import org.isoband.core.retry.Backoff;

/**
 * A gateway process for {@link CleanStopIT}, stopped the way systemd stops {@code isoband run}: SIGTERM, a
 * shutdown hook that waits for the publisher's bounded flush (as RunCommand's does), the closing line on
 * stdout. Arguments: broker URL, outbox file, reps to make (each printed as "rep ID").
 */
public final class StopTestGateway {
    private StopTestGateway() {
    }

    public static void main(String[] args) throws Exception {
        MqttPublisher publisher = MqttPublisher.start(MqttConfig.of(args[0], EndToEnd.GATEWAY, List.of("red"), Path.of(args[1]))
                .withBackoff(Backoff.DEFAULT.withDelays(Duration.ofMillis(200), Duration.ofSeconds(1))));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CloseReport report = publisher.close(Duration.ofSeconds(10));
            System.out.println("closing line: " + (report == null ? "none" : report.line()));
            System.out.flush();
            closed.countDown();
        }, "stop-test-shutdown"));
        EndToEnd e2e = new EndToEnd();
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            RepMessage rep = e2e.rep();
            publisher.publishRep(rep);
            System.out.println("rep " + rep.id());
        }
        System.out.println("made " + count);
        System.out.flush();
        closed.await();
    }
}
