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

        assertThat(batch.dropped()).isEqualTo(50);
        assertThat(batcher.droppedTotal()).isEqualTo(50);
        int kept = batch.size();
        for (ForceBatch more = batcher.drain(); more != null; more = batcher.drain()) {
            kept += more.size();
        }
        assertThat(kept).isEqualTo(ForceBatcher.CAPACITY);
    }

    @Test
    void aBacklogLeavesInBatchesSmallEnoughForEveryBrokersDefaultLimitOldestFirst() {
        ForceBatcher batcher = new ForceBatcher("a-gateway-with-a-long-name", "a-band-with-a-long-name");
        for (int i = 0; i < 700; i++) {
            // the widest numbers a 1 kHz plate gives in a second of backlog
            batcher.offer(T0.plusNanos(i * 1_432_100L), -12_345.67 - i, i);
        }

        ForceBatch first = batcher.drain();
        ForceBatch second = batcher.drain();

        assertThat(first.size()).isEqualTo(ForceBatcher.MAX_BATCH);
        assertThat(first.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("under Moquette's 8092-byte default").isLessThan(8092);
        assertThat(second.start()).isAfter(first.start());
        assertThat(second.newtons()[0]).isEqualTo(-12_345.67 - ForceBatcher.MAX_BATCH);
        assertThat(batcher.drain().size()).isEqualTo(700 - 2 * ForceBatcher.MAX_BATCH);
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
