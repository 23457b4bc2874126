package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.isoband.core.message.ForceBatch;
import org.junit.jupiter.api.Test;

class ForceBatcherTest {
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void drainsWhatCameSinceTheLastTickAsOneBatch() {
        ForceBatcher batcher = new ForceBatcher("pi", "red");
        batcher.offer(T0, 30.0, 1);
        batcher.offer(T0.plusNanos(12_500_000), 31.0, 2);
        batcher.offer(T0.plusNanos(25_000_000), 32.5, 3);

        ForceBatch batch = batcher.drain();

        assertThat(batch.start()).isEqualTo(T0);
        assertThat(batch.offsetsMs()).containsExactly(0, 12.5, 25);
        assertThat(batch.newtons()).containsExactly(30, 31, 32.5);
        assertThat(batch.dropped()).isZero();
        assertThat(batcher.drain()).isNull();
        assertThat(batcher.lastSampleNanos()).isEqualTo(3);
    }

    @Test
    void aFullHandoffDropsAndCountsInsteadOfWaiting() {
        ForceBatcher batcher = new ForceBatcher("pi", "red");
        for (int i = 0; i < ForceBatcher.CAPACITY + 50; i++) {
            batcher.offer(T0.plusMillis(i), i, i);
        }

        ForceBatch batch = batcher.drain();

        assertThat(batch.size()).isEqualTo(ForceBatcher.CAPACITY);
        assertThat(batch.dropped()).isEqualTo(50);
        assertThat(batcher.droppedTotal()).isEqualTo(50);
    }

    @Test
    void aBatchThatCouldNotBeSentIsCountedInTheNextOne() {
        ForceBatcher batcher = new ForceBatcher("pi", "red");
        batcher.offer(T0, 1, 1);
        batcher.offer(T0, 2, 2);
        batcher.notSent(batcher.drain());
        batcher.offer(T0.plusSeconds(1), 3, 3);

        ForceBatch next = batcher.drain();

        assertThat(next.dropped()).isEqualTo(2);
        assertThat(batcher.droppedTotal()).isEqualTo(2);
    }
}
