package org.isoband.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.isoband.core.mqtt.PublishResult;
import org.isoband.core.mqtt.ReasonCode;
import org.isoband.core.retry.Backoff;
import org.junit.jupiter.api.Test;

class ReplayRequestsTest {
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), 0.5);
    private static final String TOPIC = "isoband/garage_pi/replay";

    /** Answers each publish with the next scripted result, then with success. */
    private static final class ScriptedBroker implements ReplayRequests.Channel {
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final Deque<PublishResult> answers;

        ScriptedBroker(PublishResult... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public void publish(String topic, byte[] payload, java.util.function.Consumer<PublishResult> done) {
            sent.add(topic + " " + new String(payload, StandardCharsets.UTF_8));
            PublishResult next;
            synchronized (answers) {
                next = answers.isEmpty() ? PublishResult.Accepted.OK : answers.poll();
            }
            done.accept(next);
        }
    }

    private static void awaitSent(ScriptedBroker broker, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (broker.sent.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void noMatchingSubscribersIsSuccessAndTheRequestIsNotSentAgain() throws Exception {
        ScriptedBroker broker = new ScriptedBroker(new PublishResult.Accepted(new ReasonCode(0x10)));
        try (ReplayRequests requests = new ReplayRequests(broker, QUICK)) {
            requests.send(TOPIC, "{\"schema\":1,\"from_seq\":4}".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(200); // many retry periods: none may come
            assertThat(broker.sent).hasSize(1);
            assertThat(requests.refusals()).isZero();
        }
    }

    @Test
    void aRefusedRequestIsSentAgainUntilTheBrokerTakesItThenNoMore() throws Exception {
        PublishResult.Refused notAuthorized = new PublishResult.Refused(new ReasonCode(0x87));
        ScriptedBroker broker = new ScriptedBroker(notAuthorized, notAuthorized, notAuthorized);
        try (ReplayRequests requests = new ReplayRequests(broker, QUICK)) {
            requests.send(TOPIC, "{\"schema\":1,\"from_seq\":4}".getBytes(StandardCharsets.UTF_8));
            awaitSent(broker, 4);
            Thread.sleep(200);
            assertThat(broker.sent).hasSize(4).allMatch(s -> s.equals(TOPIC + " {\"schema\":1,\"from_seq\":4}"));
            assertThat(requests.refusals()).isEqualTo(3);
        }
    }

    @Test
    void aRequestLostWithTheConnectionIsSentAgain() throws Exception {
        ScriptedBroker broker = new ScriptedBroker(new PublishResult.Unanswered("Connection lost"));
        try (ReplayRequests requests = new ReplayRequests(broker, QUICK)) {
            requests.send(TOPIC, "{\"schema\":1,\"from_seq\":9}".getBytes(StandardCharsets.UTF_8));
            awaitSent(broker, 2);
            Thread.sleep(200);
            assertThat(broker.sent).hasSize(2);
            assertThat(requests.refusals()).isZero();
        }
    }
}
