package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IsobandFrameDecoderTest {
    private final IsobandFrameDecoder decoder = new IsobandFrameDecoder();

    @TestFactory
    Stream<DynamicTest> decodesEveryStreamVector() {
        return VectorFile.tests("isoband-stream", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> decoder.decode(v.bytes()));
                return;
            }
            DecodedFrame frame = decoder.decode(v.bytes());
            JsonNode expected = v.decoded();
            assertThat(expected.path("version").asInt()).isEqualTo(IsobandFrameDecoder.PROTOCOL_VERSION);
            assertThat(frame.sequence()).hasValue(expected.path("sequence").asInt());
            assertThat(frame.flags()).isEqualTo(flags(expected.path("flags").asInt()));
            JsonNode samples = expected.path("samples");
            assertThat(frame.readings()).hasSize(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                ForceReading reading = frame.readings().get(i);
                assertThat(reading.newtons()).isEqualTo(samples.get(i).path("millinewtons").asLong() / 1000.0);
                assertThat(reading.sensorMicros()).hasValue(samples.get(i).path("sensor_micros").asLong());
            }
        });
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> decoder.decode(HexFormat.of().parseHex("010007")))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("isoband stream: too short at byte offset 3: the header needs 5 bytes, got 3");
        assertThatThrownBy(() -> decoder.decode(HexFormat.of().parseHex("0100070002a086010040420f00a88601")))
                .hasMessage("isoband stream: length mismatch at byte offset 4: 2 samples need 21 bytes, got 16");
        assertThatThrownBy(() -> decoder.decode(new byte[] {2, 0, 0, 0, 1}))
                .hasMessageContaining("unsupported version at byte offset 0: protocol version 2");
    }

    @Test
    void leavesTheInputUntouched() throws Exception {
        byte[] bytes = HexFormat.of().parseHex("0101000001b289000040420f00");
        byte[] copy = bytes.clone();
        decoder.decode(bytes);
        assertThat(bytes).isEqualTo(copy);
    }

    @Test
    void countsLostFramesAcrossTheSequenceWrap() {
        assertThat(IsobandFrameDecoder.framesLost(0, 1)).isZero();
        assertThat(IsobandFrameDecoder.framesLost(10, 13)).isEqualTo(2);
        assertThat(IsobandFrameDecoder.framesLost(65535, 0)).isZero();
        assertThat(IsobandFrameDecoder.framesLost(65534, 1)).isEqualTo(2);
    }

    @Test
    void readingsKeepTheOrderTheSensorTookThem() throws Exception {
        List<ForceReading> readings = decoder.decode(HexFormat.of().parseHex(
                "0100010004decf010014730f009cda0100e8a30f000ddd0100bcd40f0013dc010090051000")).readings();
        assertThat(readings).extracting(r -> r.sensorMicros().orElseThrow())
                .containsExactly(1012500L, 1025000L, 1037500L, 1050000L);
    }

    private static Set<FrameFlag> flags(int bits) {
        Set<FrameFlag> flags = EnumSet.noneOf(FrameFlag.class);
        if ((bits & 0x01) != 0) {
            flags.add(FrameFlag.SEQUENCE_RESTARTED);
        }
        if ((bits & 0x02) != 0) {
            flags.add(FrameFlag.SATURATED);
        }
        return flags;
    }
}
