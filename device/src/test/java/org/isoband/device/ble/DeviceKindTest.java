package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.isoband.device.ble.decode.IsobandFrameDecoder;
import org.junit.jupiter.api.Test;

/** Recognising devices from what BlueZ says of them, and keeping that current from PropertiesChanged. */
class DeviceKindTest {
    private static final String PATH = "/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF";

    private static Advertisement device(Map<String, Object> props) {
        return Advertisement.of(PATH, props, false);
    }

    @Test
    void theBandByItsServiceUuidTheProgressorByNameTheScaleByCompany() {
        assertThat(device(Map.of("UUIDs", List.of(IsobandFrameDecoder.SERVICE.toString()))).kind())
                .contains(DeviceKind.ISOBAND);
        assertThat(device(Map.of("Name", "Progressor_7125")).kind()).contains(DeviceKind.PROGRESSOR);
        assertThat(device(Map.of("ManufacturerData", Map.of(0x0100, new byte[12]))).kind())
                .contains(DeviceKind.CRANE_SCALE);
    }

    @Test
    void nothingElse() {
        assertThat(device(Map.of("Name", "Headphones", "UUIDs", List.of("0000110b-0000-1000-8000-00805f9b34fb")))
                .kind()).isEmpty();
        // Company 0x0100 is also TomTom's: too short to hold the weight is not a scale.
        assertThat(device(Map.of("ManufacturerData", Map.of(0x0100, new byte[4]))).kind()).isEmpty();
        assertThat(device(Map.of("Name", "progressor")).kind()).isEqualTo(Optional.empty());
        assertThat(device(Map.of("UUIDs", List.of("not-a-uuid"))).kind()).isEmpty();
    }

    @Test
    void aCachedDeviceIsFreshOnlyOnceItAdvertisesDuringDiscovery() {
        Advertisement cached = device(Map.of("Address", "AA:BB:CC:DD:EE:FF", "Name", "isoband-1A2B", "RSSI",
                (short) -70));
        assertThat(cached.fresh()).isFalse();
        assertThat(cached.with(Map.of("Trusted", true), List.of(), true).fresh()).isFalse();
        assertThat(cached.with(Map.of("RSSI", (short) -60), List.of(), false).fresh()).isFalse();

        Advertisement seen = cached.with(Map.of("RSSI", (short) -60), List.of(), true);
        assertThat(seen.fresh()).isTrue();
        assertThat(seen.rssi()).hasValue(-60);
        assertThat(seen.stale().fresh()).isFalse();
        assertThat(seen.with(Map.of(), List.of("RSSI"), true).rssi()).isEmpty();
    }

    @Test
    void namedByAddressInAnyCaseOrByExactName() {
        Advertisement ad = device(Map.of("Address", "AA:BB:CC:DD:EE:FF", "Name", "isoband-1A2B"));

        assertThat(ad.isNamed("aa:bb:cc:dd:ee:ff")).isTrue();
        assertThat(ad.isNamed("isoband-1A2B")).isTrue();
        assertThat(ad.isNamed("isoband")).isFalse();
        assertThat(ad.label()).isEqualTo("isoband-1A2B (AA:BB:CC:DD:EE:FF)");
        assertThat(device(Map.of("Address", "AA:BB:CC:DD:EE:FF")).label()).isEqualTo("AA:BB:CC:DD:EE:FF");
    }

    @Test
    void connectionStateFollowsTheSignals() {
        Advertisement ad = device(Map.of("Connected", false));
        Advertisement connected = ad.with(Map.of("Connected", true), List.of(), false)
                .with(Map.of("ServicesResolved", true), List.of(), false);

        assertThat(connected.connected()).isTrue();
        assertThat(connected.servicesResolved()).isTrue();
    }

    @Test
    void profilesAcceptTheirKind() {
        assertThat(BleProfile.AUTO.accepts(DeviceKind.CRANE_SCALE)).isTrue();
        assertThat(BleProfile.ISOBAND.accepts(DeviceKind.PROGRESSOR)).isFalse();
        assertThat(BleProfile.fromCliName("crane-scale")).isEqualTo(BleProfile.CRANE_SCALE);
        assertThat(DeviceKind.CRANE_SCALE.cliName()).isEqualTo("crane-scale");
        assertThat(DeviceKind.ISOBAND.startCommand()).containsExactly(0x01, 0x01);
        assertThat(DeviceKind.PROGRESSOR.stopCommand()).containsExactly(0x66);
    }
}
