package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.isoband.device.source.BatteryLevel;
import org.isoband.device.source.LinkState;
import org.junit.jupiter.api.Test;

class MqttSessionObserverTest {
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final MqttSessionObserver observer = new MqttSessionObserver(new BandMessages("pi", "red", 6, publisher,
            new SampleClock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> 0L), ZoneOffset.UTC));

    @Test
    void theSensorsBatteryIsPublishedAtOnceAndCarriedByEveryLaterState() {
        observer.link(LinkState.STREAMING, "");
        assertThat(publisher.states).last().extracting(s -> s.batteryPct()).isNull();

        observer.battery(BatteryLevel.ofPercent(64));
        assertThat(publisher.states).last().extracting(s -> s.batteryPct()).isEqualTo(64);

        observer.link(LinkState.LOST, "no data for 3 s");
        assertThat(publisher.states).last().extracting(s -> s.batteryPct()).isEqualTo(64);
    }
}
