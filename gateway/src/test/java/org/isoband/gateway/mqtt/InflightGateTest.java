package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.isoband.core.mqtt.PublishResult;
import org.junit.jupiter.api.Test;

class InflightGateTest {
    /** What reached the client, and the answers it still owes. */
    private final List<String> sent = new ArrayList<>();
    private final List<Consumer<PublishResult>> unanswered = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final InflightGate gate = new InflightGate((topic, payload, qos, retained, done) -> {
        sent.add(topic);
        unanswered.add(done);
    });

    private void publish(String topic, int qos) {
        gate.publish(topic, new byte[0], qos, true, r -> heard.add(topic + " " + r.getClass().getSimpleName()));
    }

    private void answerOldest() {
        unanswered.remove(0).accept(PublishResult.Accepted.OK);
    }

    @Test
    void aBurstOverTheBrokersReceiveMaximumWaitsInOrderInsteadOfBeingRefused() {
        gate.connected(3);   // two for QoS 1, one kept free for QoS 0
        for (int i = 1; i <= 5; i++) {
            publish("config/" + i, 1);
        }
        assertThat(sent).containsExactly("config/1", "config/2");
        assertThat(gate.waiting()).isEqualTo(3);

        answerOldest();
        assertThat(sent).containsExactly("config/1", "config/2", "config/3");
        while (!unanswered.isEmpty()) {
            answerOldest();
        }
        assertThat(sent).containsExactly("config/1", "config/2", "config/3", "config/4", "config/5");
        assertThat(heard).hasSize(5).allMatch(h -> h.endsWith("Accepted"));
    }

    @Test
    void liveForceAtQos0IsNeverHeld() {
        gate.connected(2);
        publish("config/1", 1);
        publish("config/2", 1);
        publish("force", 0);

        assertThat(sent).containsExactly("config/1", "force");
    }

    @Test
    void whatWaitedForALostConnectionIsToldSoAndTheOldAnswersNoLongerCount() {
        gate.connected(2);
        publish("config/1", 1);
        publish("config/2", 1);

        gate.connected(2);   // the link dropped and came back before config/1 was answered
        assertThat(heard).containsExactly("config/2 Unanswered");
        publish("config/3", 1);
        answerOldest();      // config/1's late answer, from the old connection
        publish("config/4", 1);

        assertThat(sent).containsExactly("config/1", "config/3");
        assertThat(gate.waiting()).isEqualTo(1);
    }
}
