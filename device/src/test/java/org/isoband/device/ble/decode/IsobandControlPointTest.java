package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class IsobandControlPointTest {

    /** The gateway writes commands, so here the Java side encodes and must produce the firmware's bytes. */
    @TestFactory
    Stream<DynamicTest> encodesEveryCommandVector() {
        return VectorFile.tests("isoband-command", v -> {
            JsonNode fields = v.decoded();
            byte[] bytes = IsobandControlPoint.encode(command(fields), fields.path("token").asInt());
            assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(v.bytes()));
        });
    }

    @TestFactory
    Stream<DynamicTest> decodesEveryResponseVector() {
        return VectorFile.tests("isoband-response", v -> {
            if (!v.valid()) {
                v.assertRejectedBy(() -> IsobandControlPoint.decodeResponse(v.bytes()));
                return;
            }
            JsonNode fields = v.decoded();
            IsobandResponse response = IsobandControlPoint.decodeResponse(v.bytes());
            assertThat(response.opcode()).isEqualTo(IsobandOpcode.valueOf(fields.path("opcode").asText()));
            assertThat(response.token()).isEqualTo(fields.path("token").asInt());
            assertThat(response.status()).isEqualTo(IsobandStatus.valueOf(fields.path("status").asText()));
            if (response.opcode() == IsobandOpcode.SET_RATE && response.ok()) {
                assertThat(response.appliedRateHz()).hasValue(fields.path("rate_hz").asInt());
            } else {
                assertThat(response.appliedRateHz()).isEmpty();
            }
            if (response.opcode() == IsobandOpcode.GET_STATUS && response.ok()) {
                assertThat(response.bandStatus()).contains(new IsobandResponse.BandStatus(
                        fields.path("protocol_version").asInt(), fields.path("streaming").asBoolean(),
                        fields.path("calibrated").asBoolean(), fields.path("rate_hz").asInt()));
            } else {
                assertThat(response.bandStatus()).isEmpty();
            }
        });
    }

    @Test
    void refusesTokensAndParametersThatDoNotFit() {
        assertThatThrownBy(() -> IsobandControlPoint.encode(new IsobandCommand.Start(), 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> new IsobandCommand.SetRate(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IsobandCommand.Calibrate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageNamesTheProblemAndTheOffset() {
        assertThatThrownBy(() -> IsobandControlPoint.decodeResponse(new byte[] {(byte) 0x83, 3, 6}))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("isoband response: bad value at byte offset 2: status 6 is not defined");
    }

    private static IsobandCommand command(JsonNode fields) {
        return switch (IsobandOpcode.valueOf(fields.path("opcode").asText())) {
            case START -> new IsobandCommand.Start();
            case STOP -> new IsobandCommand.Stop();
            case TARE -> new IsobandCommand.Tare();
            case SET_RATE -> new IsobandCommand.SetRate(fields.path("rate_hz").asInt());
            case CALIBRATE -> new IsobandCommand.Calibrate(fields.path("known_millinewtons").asInt());
            case GET_STATUS -> new IsobandCommand.GetStatus();
        };
    }
}
