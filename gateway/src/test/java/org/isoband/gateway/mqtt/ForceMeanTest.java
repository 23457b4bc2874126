package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.isoband.core.message.ForceBatch;
import org.junit.jupiter.api.Test;

class ForceMeanTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    private static ForceBatch batch(double... newtons) {
        double[] offsets = new double[newtons.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = 10 * i;
        }
        return new ForceBatch("pi", "red", T0, offsets, newtons, 0);
    }

    @Test
    void oneMeanASecondOfAllTheSecondsSamples() {
        ForceMean mean = new ForceMean("red", SECOND);
        mean.add(batch(100, 110), 0);
        mean.add(batch(120, 130), SECOND / 2);

        assertThat(mean.due(SECOND - 1)).isNull();
        ForceMean.Mean due = mean.due(SECOND);

        assertThat(due.meanN()).isEqualTo(115.0);
        assertThat(due.samples()).isEqualTo(4);
        assertThat(due.at()).isEqualTo(T0.plusMillis(10));
        assertThat(mean.due(SECOND + 1)).isNull();
    }

    @Test
    void aRestingBandPublishesNothing() {
        ForceMean mean = new ForceMean("red", SECOND);
        mean.add(batch(100), 0);
        mean.due(SECOND);

        assertThat(mean.due(2 * SECOND)).isNull();
        assertThat(mean.due(60 * SECOND)).isNull();
    }

    @Test
    void theMeanIsValidJsonOfItsSchema() {
        ForceMean mean = new ForceMean("red", SECOND);
        mean.add(batch(12.34, 12.36), 0);

        String json = mean.due(SECOND).toJson();

        assertThat(json).isEqualTo("{\"schema\":1,\"band\":\"red\",\"at\":\"2026-11-24T08:00:00.010Z\",\"mean_n\":12.35,\"samples\":2}");
        assertThat(new PayloadSchemas().errors("isoband/pi/red/force_1s", json)).isEmpty();
    }

    @Test
    void tenBatchesASecondForAnHourAreAtMost3600MeansInsteadOf36000Values() {
        ForceMean mean = new ForceMean("red", SECOND);
        int means = 0;
        for (long tick = 0; tick < 36_000; tick++) {
            long now = tick * SECOND / 10;
            mean.add(batch(100 + tick % 7), now);
            if (mean.due(now) != null) {
                means++;
            }
        }

        assertThat(means).isBetween(3_599, 3_600);
    }
}
