package org.isoband.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PartsTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final PartContext context = PartContext.withoutSession(Shutdown.unhooked());

    private Part part(String name, boolean required, RuntimeException onStart) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public void start(PartContext c) {
                log.add("start " + name);
                if (onStart != null) {
                    throw onStart;
                }
            }

            @Override
            public void stop() {
                log.add("stop " + name);
            }
        };
    }

    @Test
    void partsStartInOrderAndStopInReverse() throws Exception {
        Parts running = Parts.start(List.of(part("broker", true, null), part("mqtt", true, null), part("screen", false, null)),
                context);

        running.stop();

        assertThat(log).containsExactly("start broker", "start mqtt", "start screen", "stop screen", "stop mqtt", "stop broker");
    }

    @Test
    void anOptionalPartThatFailsIsLeftOutAndTheOthersRun() throws Exception {
        Parts running = Parts.start(List.of(part("mqtt", true, null), part("buzzer", false, new IllegalStateException("no GPIO")),
                part("screen", false, null)), context);

        assertThat(running.names()).containsExactly("mqtt", "screen");
        running.stop();
        assertThat(log).containsExactly("start mqtt", "start buzzer", "start screen", "stop screen", "stop mqtt");
    }

    @Test
    void aRequiredPartThatFailsStopsThePartsBeforeItAndItsErrorIsTheCallers() {
        IllegalStateException refused = new IllegalStateException("port taken");

        assertThatThrownBy(() -> Parts.start(List.of(part("broker", true, null), part("dashboard", true, refused),
                part("screen", false, null)), context)).isSameAs(refused);

        assertThat(log).containsExactly("start broker", "start dashboard", "stop broker");
    }

    @Test
    void aPartStuckInItsStopDoesNotKeepTheOthersFromStopping() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Part stuck = new Part() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public void start(PartContext c) {
                log.add("start stuck");
            }

            @Override
            public void stop() {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Parts running = Parts.start(List.of(part("broker", true, null), stuck), context, Duration.ofMillis(200));

        running.stop();

        assertThat(log).containsExactly("start broker", "start stuck", "stop broker");
        never.countDown();
    }

    @Test
    void stoppingTwiceStopsOnce() throws Exception {
        Parts running = Parts.start(List.of(part("mqtt", true, null)), context);

        running.stop();
        running.stop();

        assertThat(log).containsExactly("start mqtt", "stop mqtt");
    }
}
