package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProgressorFrameDecoderTest {
    private final ProgressorFrameDecoder decoder = new ProgressorFrameDecoder();

    @TestFactory
    Stream<DynamicTest> decodesEveryDataPointVector() {
        return VectorFile.tests("progressor-data-point", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> decoder.decode(v.bytes()));
                return;
            }
            DecodedFrame frame = decoder.decode(v.bytes());
            assertThat(frame.sequence()).as("the Progressor does not number its notifications").isEmpty();
            JsonNode samples = v.decoded().path("samples");
            assertThat(frame.readings()).hasSize(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                ForceReading reading = frame.readings().get(i);
                assertThat(reading.newtons()).isCloseTo(samples.get(i).path("newtons").asDouble(), within(1e-6));
                assertThat(reading.newtons()).isCloseTo(
                        samples.get(i).path("kilograms").asDouble() * ForceReading.STANDARD_GRAVITY, within(1e-9));
                assertThat(reading.sensorMicros()).hasValue(samples.get(i).path("micros").asLong());
            }
            JsonNode millivolts = v.decoded().path("battery_millivolts");
            if (millivolts.isMissingNode()) {
                assertThat(decoder.batteryMillivolts(v.bytes())).as("%s is no battery answer", v.name()).isEmpty();
            } else {
                assertThat(decoder.batteryMillivolts(v.bytes())).hasValue(millivolts.asInt());
            }
        });
    }

    @Test
    void responseCodesBeyondThePublishedOnesAreSkippedWithoutReadings() throws Exception {
        assertThat(decoder.decode(new byte[] {9, 0}).readings()).isEmpty();
        assertThat(decoder.decode(HexFormat.of().parseHex("0504000000c0")).readings()).isEmpty();
    }

    @Test
    void aWeightIsNoBatteryAnswerEvenWithAFourBytePayload() {
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("01040000c841"))).isEmpty();
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("0004"))).isEmpty();
    }

    @Test
    void rateOfForceDevelopmentFramesCarryNoReadings() throws Exception {
        assertThat(decoder.decode(new byte[] {2, 0}).readings()).isEmpty();
        assertThat(decoder.decode(new byte[] {3, 1, 42}).readings()).isEmpty();
    }

    @Test
    void microsecondsAreUnsigned() throws Exception {
        ForceReading reading = decoder.decode(HexFormat.of().parseHex("010800004841ffffffff")).readings().get(0);
        assertThat(reading.sensorMicros()).hasValue(0xFFFFFFFFL);
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> decoder.decode(HexFormat.of().parseHex("01080000c07fe8030000")))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("Progressor data point: bad value at byte offset 2: weight is NaN, not a finite number");
        assertThatThrownBy(() -> decoder.decode(new byte[] {9}))
                .hasMessage("Progressor data point: too short at byte offset 1: the length byte is missing");
    }
}
