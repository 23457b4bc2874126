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
    void theOtherGaugesByTheirNamesOrTheSigForceUuid() {
        assertThat(device(Map.of("Name", "Force Board")).kind()).contains(DeviceKind.FORCE_BOARD);
        assertThat(device(Map.of("Name", "CTS500")).kind()).contains(DeviceKind.CTS500);
        assertThat(device(Map.of("Name", "CTS-300")).kind()).contains(DeviceKind.CTS500);
        assertThat(device(Map.of("UUIDs", List.of("00002c07-0000-1000-8000-00805f9b34fb"))).kind())
                .contains(DeviceKind.SIG_FORCE);
        assertThat(device(Map.of("Name", "Force Board 2")).kind()).isEmpty();
    }

    @Test
    void gaugesItCannotReadAreRecognisedWithTheReason() {
        assertThat(UnsupportedGauge.recognise(device(Map.of("Name", "FrezDyno-0042"))))
                .contains(UnsupportedGauge.FREZ_DYNO);
        assertThat(UnsupportedGauge.recognise(device(Map.of("Name", "NSD Workout"))))
                .contains(UnsupportedGauge.PB_700BT);
        assertThat(UnsupportedGauge.PB_700BT.why()).contains("not force");
        assertThat(UnsupportedGauge.recognise(device(Map.of("Name", "Progressor_7125")))).isEmpty();
    }

    @Test
    void everyKindHasAPlanWithoutNullsAndTheProfileOfItsName() {
        for (DeviceKind kind : DeviceKind.values()) {
            assertThat(kind.plan()).as(kind.name()).isNotNull();
            assertThat(kind.decoder()).as(kind.name()).isNotNull();
            assertThat(BleProfile.fromCliName(kind.cliName()).accepts(kind)).isTrue();
            assertThat(DeviceKind.of(BleProfile.fromCliName(kind.cliName()))).contains(kind);
            assertThat(kind.connects()).isEqualTo(kind.plan() instanceof LinkPlan.Gatt);
        }
        assertThat(DeviceKind.of(BleProfile.AUTO)).isEmpty();
        assertThat(DeviceKind.CTS500.startCommand()).containsExactly(0x05, 0xAA, 0, 0, 0, 0xAF);
        assertThat(DeviceKind.FORCE_BOARD.stopCommand()).containsExactly(0x07);
        assertThat(DeviceKind.SIG_FORCE.startCommand()).as("it streams once subscribed to").isEmpty();
        assertThat(DeviceKind.CRANE_SCALE.startCommand()).isEmpty();
    }

    @Test
    void aBatteryLevelInTheAdvertisedServiceData() {
        Advertisement ad = device(Map.of("ServiceData", Map.of("0000180f-0000-1000-8000-00805f9b34fb",
                new byte[] {42})));
        assertThat(ad.advertisedBatteryPercent()).hasValue(42);
        assertThat(device(Map.of("ServiceData", Map.of("0000180f-0000-1000-8000-00805f9b34fb",
                new byte[] {(byte) 200}))).advertisedBatteryPercent()).isEmpty();
        assertThat(device(Map.of()).advertisedBatteryPercent()).isEmpty();
    }

    @Test
    void anEntryMadeFromAnEarlySignalIsFilledInFromTheListing() {
        Advertisement early = device(Map.of("RSSI", (short) -60, "ManufacturerData", Map.of(0x0100, new byte[12])));
        Advertisement listed = device(Map.of("Address", "AA:BB:CC:DD:EE:FF", "Name", "IF_B7", "RSSI", (short) -90));

        Advertisement merged = early.filledFrom(listed);

        assertThat(merged.address()).isEqualTo("AA:BB:CC:DD:EE:FF");
        assertThat(merged.name()).isEqualTo("IF_B7");
        assertThat(merged.rssi()).as("the signal's value is the newer").hasValue(-60);
        assertThat(merged.kind()).contains(DeviceKind.CRANE_SCALE);
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
