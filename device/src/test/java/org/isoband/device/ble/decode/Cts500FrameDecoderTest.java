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

class Cts500FrameDecoderTest {
    private final Cts500FrameDecoder decoder = new Cts500FrameDecoder();

    @TestFactory
    Stream<DynamicTest> decodesEveryFrameVector() {
        return VectorFile.tests("cts500-frame", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> decoder.decode(v.bytes()));
                return;
            }
            JsonNode samples = v.decoded().path("samples");
            JsonNode millivolts = v.decoded().path("battery_millivolts");
            if (millivolts.isMissingNode()) {
                assertThat(decoder.batteryMillivolts(v.bytes())).as("%s is no battery answer", v.name()).isEmpty();
            } else {
                assertThat(decoder.batteryMillivolts(v.bytes())).hasValue(millivolts.asInt());
            }
            DecodedFrame frame = decoder.decode(v.bytes());
            assertThat(frame.readings()).hasSize(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                assertThat(frame.readings().get(i).newtons())
                        .isCloseTo(samples.get(i).path("newtons").asDouble(), within(1e-6))
                        .isCloseTo(samples.get(i).path("kilograms").asDouble() * ForceReading.STANDARD_GRAVITY,
                                within(1e-9));
            }
        });
    }

    @Test
    void commandsCarryTheChecksumOfTheirBytes() {
        assertThat(Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_START))
                .isEqualTo(HexFormat.of().parseHex("05aa000000af"));
        assertThat(Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_STOP))
                .isEqualTo(HexFormat.of().parseHex("05ab000000b0"));
    }

    @Test
    void theEchoOfOurOwnStartCommandDecodesToNothing() throws Exception {
        assertThat(decoder.decode(Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_START)).readings()).isEmpty();
    }

    @Test
    void theBatteryQueryIsAChecksummedCommandAndItsAnswerIsFoundBehindAnEchoOrAWeight() {
        assertThat(Cts500FrameDecoder.command(Cts500FrameDecoder.OPCODE_BATTERY)).isEqualTo(HexFormat.of().parseHex("05c4000000c9"));
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("05c4000000c9" + "0580c4000163ad"))).hasValue(3550);
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("0500000004d2db" + "0580c4000163ad"))).hasValue(3550);
    }

    @Test
    void aTemperatureAnswerABadChecksumOrAnEchoOfTheQueryIsNoBatteryReading() {
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("0580c500001a64"))).as("temperature (0xC5)").isEmpty();
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("0580c4000163ae"))).as("checksum off by one").isEmpty();
        assertThat(decoder.batteryMillivolts(HexFormat.of().parseHex("05c4000000c9"))).as("the query's echo").isEmpty();
        assertThat(decoder.batteryMillivolts(new byte[0])).isEmpty();
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> decoder.decode(HexFormat.of().parseHex("0500000004d2dc")))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("CTS500 frame: bad value at byte offset 6: checksum is 0xdc, the bytes before it sum to "
                        + "0xdb");
    }
}
