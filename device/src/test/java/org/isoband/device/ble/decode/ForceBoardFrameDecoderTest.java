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

class ForceBoardFrameDecoderTest {
    private final ForceBoardFrameDecoder decoder = new ForceBoardFrameDecoder();

    @TestFactory
    Stream<DynamicTest> decodesEveryForceDataVector() {
        return VectorFile.tests("force-board-force-data", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> decoder.decode(v.bytes()));
                return;
            }
            DecodedFrame frame = decoder.decode(v.bytes());
            JsonNode samples = v.decoded().path("samples");
            assertThat(frame.readings()).hasSize(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                ForceReading r = frame.readings().get(i);
                assertThat(r.newtons()).isCloseTo(samples.get(i).path("newtons").asDouble(), within(1e-6));
                assertThat(r.newtons()).isCloseTo(samples.get(i).path("pounds").asLong() * 0.45359237
                        * ForceReading.STANDARD_GRAVITY, within(1e-6));
                assertThat(r.sensorMicros()).as("the board sends no time").isEmpty();
            }
        });
    }

    @Test
    void aPoundIsFourPointFourFourEightNewtons() throws Exception {
        assertThat(decoder.decode(HexFormat.of().parseHex("0001000001")).readings().get(0).newtons())
                .isCloseTo(4.4482216152605, within(1e-12));
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> decoder.decode(HexFormat.of().parseHex("00020000")))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("Force Board force data: too short at byte offset 4: 2 samples announced, not one whole "
                        + "sample follows");
    }
}
