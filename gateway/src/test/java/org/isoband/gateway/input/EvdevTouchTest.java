package org.isoband.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The framebuffer's touch input fed with recorded input-event streams (src/test/resources/input-events). */
class EvdevTouchTest {

    static Path resource(String name) {
        try {
            return Path.of(EvdevTouchTest.class.getResource("/input-events/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<EvdevTouch.Tap> play(String file, InputEventLayout layout, TouchGeometry geometry)
            throws IOException, InterruptedException {
        List<EvdevTouch.Tap> taps = new CopyOnWriteArrayList<>();
        EvdevTouch touch = new EvdevTouch(resource(file), layout, geometry, taps::add);
        touch.start();
        touch.awaitEnd(5000);
        touch.stop();
        return taps;
    }

    private static List<String> xy(List<EvdevTouch.Tap> taps) {
        return taps.stream().map(t -> t.x() + "," + t.y()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"official-7in-taps-lp64.bin,LP64", "official-7in-taps-ilp32.bin,ILP32"})
    void theOfficialScreensTouchesAreOnePressEachInScreenPixels(String file, InputEventLayout layout) throws Exception {
        List<EvdevTouch.Tap> taps = play(file, layout, TouchGeometry.officialScreen(800, 480));

        // Small moves are no new press, a second finger is none, a frame cut by SYN_DROPPED is none.
        assertThat(xy(taps)).containsExactly("400,240", "120,440", "650,100", "799,479");
        assertThat(taps.get(0).timeMicros()).isEqualTo(1_000_000_000L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resistive-single-touch-lp64.bin,LP64", "resistive-single-touch-ilp32.bin,ILP32"})
    void aSingleTouchPanelIsScaledFromItsAxisRanges(String file, InputEventLayout layout) throws Exception {
        List<EvdevTouch.Tap> taps = play(file, layout, new TouchGeometry(0, 4095, 0, 4095, 0, 480, 320));

        assertThat(xy(taps)).containsExactly("240,160", "479,0", "0,319");
    }

    @Test
    void rotationTurnsThePanelsAxesWithThePicture() throws Exception {
        List<String> upsideDown = xy(play("official-7in-taps-lp64.bin", InputEventLayout.LP64,
                new TouchGeometry(0, 799, 0, 479, 180, 800, 480)));
        assertThat(upsideDown).containsExactly("399,239", "679,39", "149,379", "0,0");

        // A 4095-square panel turned a quarter: its top right (4095, 0) is the picture's bottom right.
        List<String> quarter = xy(play("resistive-single-touch-lp64.bin", InputEventLayout.LP64,
                new TouchGeometry(0, 4095, 0, 4095, 90, 320, 480)));
        assertThat(quarter).containsExactly("159,240", "319,479", "0,0");
    }

    @Test
    void readInTheWrongLayoutTheStreamIsRefusedWithItsOffset() throws Exception {
        byte[] lp64 = Files.readAllBytes(resource("official-7in-taps-lp64.bin"));
        assertThatThrownBy(() -> {
            for (int at = 0; at + 16 <= lp64.length; at += 16) {
                InputEventLayout.ILP32.decode(lp64, at);
            }
        }).isInstanceOf(InputEventException.class).hasMessageContaining("at byte");
        assertThatThrownBy(() -> InputEventLayout.LP64.decode(lp64, lp64.length - 8))
                .isInstanceOf(InputEventException.class).hasMessageContaining("needs 24 bytes, 8 left");
    }

    @Test
    void bothLayoutsEncodeAndDecodeTheSameEvent() {
        InputEvent e = new InputEvent(1_700_000_000L, 999_999, InputEvent.EV_ABS, InputEvent.ABS_MT_TRACKING_ID, -1);
        for (InputEventLayout layout : InputEventLayout.values()) {
            assertThat(layout.decode(layout.encode(e), 0)).isEqualTo(e);
            assertThat(layout.encode(e)).hasSize(layout.bytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"proc-bus-input-devices.txt", "proc-bus-input-devices-32bit-kernel.txt"})
    void theTouchscreenIsFoundByItsCapabilitiesNotTheKeyboardOrTheMouse(String file) throws IOException {
        String text = Files.readString(resource(file));

        assertThat(InputDevices.parse(text)).extracting(InputDevices.Device::name)
                .containsExactly("Logitech USB Keyboard", "Logitech USB Optical Mouse", "raspberrypi-ts");
        assertThat(InputDevices.touchscreen(text)).get().extracting(InputDevices.Device::eventNode)
                .isEqualTo(Path.of("/dev/input/event2"));
        assertThat(EvdevTouch.findTouchscreen(resource(file))).contains(Path.of("/dev/input/event2"));
    }

    @Test
    void aTouchpadIsNotATouchscreen() {
        String touchpad = String.join("\n", "N: Name=\"SynPS/2 Synaptics TouchPad\"", "H: Handlers=mouse0 event5",
                "B: PROP=5", "B: EV=b", "B: KEY=e520 10000 0 0 0 0", "B: ABS=660800011000003");
        assertThat(InputDevices.parse(touchpad)).singleElement().satisfies(d -> assertThat(d.touchscreen()).isFalse());
        assertThat(InputDevices.touchscreen("")).isEmpty();
    }
}
