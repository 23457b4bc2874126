package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CraneScaleAdvertisementDecoderTest {
    private final CraneScaleAdvertisementDecoder decoder = new CraneScaleAdvertisementDecoder();

    @TestFactory
    Stream<DynamicTest> decodesEveryManufacturerDataVector() {
        return VectorFile.tests("wh-c06-manufacturer-data", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> decoder.decode(v.bytes()));
                return;
            }
            assertThat(v.decoded().path("company_id").asInt()).isEqualTo(CraneScaleAdvertisementDecoder.COMPANY_ID);
            DecodedFrame frame = decoder.decode(v.bytes());
            assertThat(frame.sequence()).isEmpty();
            assertThat(frame.readings()).singleElement().satisfies(r -> {
                assertThat(r.newtons()).isCloseTo(v.decoded().path("newtons").asDouble(), within(1e-6));
                assertThat(r.newtons() / ForceReading.STANDARD_GRAVITY)
                        .isCloseTo(v.decoded().path("kilograms").asDouble(), within(1e-8));
                assertThat(r.sensorMicros()).as("the scale sends no time").isEmpty();
            });
            assertThat(CraneScaleAdvertisementDecoder.unit(v.bytes()).name())
                    .isEqualTo(v.decoded().path("unit").asText().equals("lb") ? "POUND" : "KILOGRAM");
        });
    }

    @Test
    void weightIsBigEndianAndUnsigned() throws Exception {
        byte[] bytes = new byte[12];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFE;
        assertThat(decoder.decode(bytes).readings().get(0).newtons())
                .isCloseTo(655.34 * ForceReading.STANDARD_GRAVITY, within(1e-9));
    }

    @Test
    void aScaleSetToPoundsIsReadInPoundsNotTwoPointTwoTimesTooHigh() throws Exception {
        byte[] bytes = new byte[17];
        bytes[9] = (byte) 0xFF;
        bytes[10] = 0x27;
        bytes[11] = 0x10;
        double newtons = decoder.decode(bytes).readings().get(0).newtons();
        assertThat(newtons).isCloseTo(100 * 0.45359237 * ForceReading.STANDARD_GRAVITY, within(1e-9));
        bytes[9] = 1;
        bytes[14] = 1;
        assertThat(decoder.decode(bytes).readings().get(0).newtons() / newtons).isCloseTo(2.20462, within(1e-5));
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> decoder.decode(new byte[11]))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("WH-C06 manufacturer data: too short at byte offset 11: the weight is at bytes 10-11, "
                        + "got 11 bytes");
    }
}
