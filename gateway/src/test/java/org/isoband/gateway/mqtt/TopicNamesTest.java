package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Red Band #2      | red_band_2",
        "Jörg's Pi        | jorg_s_pi",
        "a/b+c#d          | a_b_c_d",
        "'  spaced  out ' | spaced_out",
        "UPPER-case_ok    | upper-case_ok",
        "über-band        | uber-band",
        "pi4              | pi4",
        "__x__            | x",
    })
    void sanitizesNamesToOneSafeTopicLevel(String name, String expected) {
        assertThat(TopicNames.sanitize(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "###", "+/+", "日本"})
    void refusesNamesThatLeaveNothing(String name) {
        assertThatThrownBy(() -> TopicNames.sanitize(name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no letters or digits");
    }

    @Test
    void anyTextSanitizesToSafeCharactersOrIsRefused() {
        Random random = new Random(6);
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                s.append((char) (random.nextBoolean() ? 32 + random.nextInt(96) : random.nextInt(0x3000)));
            }
            try {
                assertThat(TopicNames.sanitize(s.toString())).matches("[a-z0-9_-]+").doesNotStartWith("_").doesNotEndWith("_");
            } catch (IllegalArgumentException refused) {
                assertThat(s.toString().replaceAll("[^A-Za-z0-9-]", "")).as("refused: %s", s).isEmpty();
            }
        }
    }

    @Test
    void buildsTheContractsTopics() {
        TopicNames t = new TopicNames("isoband", "Garage Pi", "homeassistant");

        assertThat(t.status()).isEqualTo("isoband/garage_pi/status");
        assertThat(t.rep("Red Band")).isEqualTo("isoband/garage_pi/red_band/rep");
        assertThat(t.state("red")).isEqualTo("isoband/garage_pi/red/state");
        assertThat(t.force("red")).isEqualTo("isoband/garage_pi/red/force");
        assertThat(t.session("red")).isEqualTo("isoband/garage_pi/red/session");
        assertThat(t.availability("red")).isEqualTo("isoband/garage_pi/red/availability");
        assertThat(t.discovery("sensor", t.nodeId("red"), "force")).isEqualTo("homeassistant/sensor/isoband_garage_pi_red/force/config");
        assertThat(t.all()).isEqualTo("isoband/garage_pi/#");
        assertThat(t.forceMean("red")).isEqualTo("isoband/garage_pi/red/force_1s");
        assertThat(t.diagnostics()).isEqualTo("isoband/garage_pi/diagnostics");
        assertThat(t.allDiscovery()).isEqualTo("homeassistant/#");
    }

    @Test
    void theBandOfATopicIsFoundOnlyInThisGatewaysBandTopics() {
        TopicNames t = new TopicNames("home/gym", "Garage Pi", "homeassistant");

        assertThat(t.bandOf("home/gym/garage_pi/red/state")).isEqualTo("red");
        assertThat(t.bandOf("home/gym/garage_pi/status")).isNull();
        assertThat(t.bandOf("home/gym/attic/red/state")).isNull();
        assertThat(t.bandOf("home/gym/garage_pi/red/x/state")).isNull();
        assertThat(t.bandOf(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/isoband", "isoband/", "home//isoband", "iso+band", "iso#", "iso band"})
    void refusesPrefixesThatAreNotPlainLevels(String prefix) {
        assertThatThrownBy(() -> new TopicNames(prefix, "pi", "homeassistant")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrefixMayHaveSeveralLevels() {
        assertThat(new TopicNames("home/gym", "pi", "ha").status()).isEqualTo("home/gym/pi/status");
    }
}
