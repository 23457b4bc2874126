package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SigForceDecoderTest {
    private final SigForceDecoder decoder = new SigForceDecoder();

    @TestFactory
    Stream<DynamicTest> decodesEverySigForceVector() {
        return VectorFile.tests("sig-force", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> decoder.decode(v.bytes()));
                return;
            }
            DecodedFrame frame = decoder.decode(v.bytes());
            assertThat(frame.sequence()).isEmpty();
            if (v.decoded().path("known").asBoolean()) {
                assertThat(frame.readings()).singleElement().satisfies(r -> {
                    assertThat(r.newtons()).isEqualTo(v.decoded().path("millinewtons").asLong() / 1000.0);
                    assertThat(r.sensorMicros()).isEmpty();
                });
            } else {
                assertThat(frame.readings()).isEmpty();
            }
        });
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> decoder.decode(new byte[] {1, 0, 0, 0, 0}))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("SIG force: length mismatch at byte offset 4: the value is 4 bytes, got 5");
    }
}
