package org.isoband.device.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.isoband.device.ble.decode.Cts500FrameDecoder;
import org.isoband.device.ble.decode.ForceBoardFrameDecoder;
import org.isoband.device.ble.fake.FakeBluez;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Discovery against python-dbusmock's BlueZ on a private bus: what `isoband scan` lists, and what it does not. */
@Timeout(120)
class BleScanIT {

    @Test
    void theSurveyAlsoNamesTheGaugesItCannotReadAndWhy(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            bluez.addGattGauge(FakeBluez.Kind.FORCE_BOARD, "AA:BB:CC:00:00:10", "Force Board",
                    ForceBoardFrameDecoder.SERVICE, ForceBoardFrameDecoder.FORCE_DATA,
                    ForceBoardFrameDecoder.WEIGHT_SERVICE, ForceBoardFrameDecoder.DEVICE_MODE, false, 80);
            bluez.addGattGauge(FakeBluez.Kind.CTS500, "AA:BB:CC:00:00:11", "CTS500", Cts500FrameDecoder.SERVICE,
                    Cts500FrameDecoder.NOTIFY, Cts500FrameDecoder.SERVICE, Cts500FrameDecoder.WRITE, true, -1);
            bluez.addOther("AA:BB:CC:00:00:12", "FrezDyno-0042");
            bluez.addOther("AA:BB:CC:00:00:13", "NSD Workout");
            bluez.addOther("AA:BB:CC:00:00:04", "Headphones");

            List<HeardDevice> heard = new BleScanner(bluez.environment()).survey(FakeBluez.ADAPTER, BleProfile.AUTO,
                    Duration.ofSeconds(2));

            assertThat(heard).extracting(d -> d.recognition().cliName()).containsExactlyInAnyOrder("force-board",
                    "cts500", "frez-dyno", "pb-700bt");
            assertThat(heard).filteredOn(HeardDevice::supported).extracting(HeardDevice::name)
                    .containsExactlyInAnyOrder("Force Board", "CTS500");
            assertThat(heard).filteredOn(d -> !d.supported()).allSatisfy(d ->
                    assertThat(((HeardDevice.Unsupported) d.recognition()).gauge().why()).isNotBlank());
            assertThat(new BleScanner(bluez.environment()).survey(FakeBluez.ADAPTER, BleProfile.CTS500,
                    Duration.ofSeconds(1))).extracting(HeardDevice::name).containsExactly("CTS500");
        }
    }

    @Test
    void listsTheSupportedDevicesThatAdvertiseAndNothingElse(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            bluez.addBand("AA:BB:CC:00:00:01", "isoband-1A2B");
            bluez.addProgressor("AA:BB:CC:00:00:02", "Progressor_7125");
            byte[] weight = new byte[12];
            weight[11] = 100;
            bluez.addCraneScale("AA:BB:CC:00:00:03", weight);
            bluez.addOther("AA:BB:CC:00:00:04", "Headphones");
            bluez.addCachedBand("AA:BB:CC:00:00:05", "isoband-GONE");

            List<FoundDevice> found = new BleScanner(bluez.environment()).scan(FakeBluez.ADAPTER, BleProfile.AUTO,
                    Duration.ofSeconds(2));

            assertThat(found).extracting(FoundDevice::address).containsExactlyInAnyOrder(
                    "AA:BB:CC:00:00:01", "AA:BB:CC:00:00:02", "AA:BB:CC:00:00:03");
            assertThat(found).extracting(FoundDevice::kind).containsExactlyInAnyOrder(
                    DeviceKind.ISOBAND, DeviceKind.PROGRESSOR, DeviceKind.CRANE_SCALE);
            assertThat(found).allSatisfy(d -> assertThat(d.rssi()).isPresent());
            assertThat(found).filteredOn(d -> d.kind() == DeviceKind.ISOBAND).extracting(FoundDevice::name)
                    .containsExactly("isoband-1A2B");
            assertThat(bluez.isDiscovering()).as("discovery stopped after the scan").isFalse();
        }
    }

    @Test
    void aProfileNarrowsTheListAndTheFilterAsksForLeWithDuplicates(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            bluez.addBand("AA:BB:CC:00:00:01", "isoband-1A2B");
            bluez.addProgressor("AA:BB:CC:00:00:02", "Progressor_7125");

            List<FoundDevice> found = new BleScanner(bluez.environment()).scan(FakeBluez.ADAPTER,
                    BleProfile.PROGRESSOR, Duration.ofSeconds(2));

            assertThat(found).extracting(FoundDevice::name).containsExactly("Progressor_7125");
            assertThat(String.valueOf(bluez.discoveryFilter())).contains("Transport", "le", "DuplicateData");
        }
    }

    @Test
    void retriesDiscoveryThatIsAlreadyInProgress(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            bluez.addBand("AA:BB:CC:00:00:01", "isoband-1A2B");
            bluez.discoveryInProgress(2);

            List<FoundDevice> found = new BleScanner(bluez.environment()).scan(FakeBluez.ADAPTER, BleProfile.AUTO,
                    Duration.ofSeconds(2));

            assertThat(found).extracting(FoundDevice::name).containsExactly("isoband-1A2B");
            assertThat(bluez.calls("/org/bluez/" + FakeBluez.ADAPTER, "StartDiscovery")).isEqualTo(3);
        }
    }

    @Test
    void saysClearlyWhenBluezIsNotRunning(@TempDir Path dir) throws Exception {
        try (FakeBluez bus = FakeBluez.busOnly(dir)) {
            assertThatThrownBy(() -> new BleScanner(bus.environment()).scan(FakeBluez.ADAPTER, BleProfile.AUTO,
                    Duration.ofSeconds(1)))
                    .isInstanceOf(BlueZUnavailableException.class)
                    .hasMessageStartingWith("BlueZ is not running: no org.bluez on the system bus (" + bus.address());
        }
    }

    @Test
    void saysClearlyWhenThereIsNoSystemBus(@TempDir Path dir) {
        String nowhere = "unix:path=" + dir.resolve("no-bus-here");
        assertThatThrownBy(() -> new BleScanner(java.util.Map.of("DBUS_SYSTEM_BUS_ADDRESS", nowhere))
                .scan(FakeBluez.ADAPTER, BleProfile.AUTO, Duration.ofSeconds(1)))
                .isInstanceOf(BlueZUnavailableException.class)
                .hasMessageStartingWith("cannot reach the D-Bus system bus at " + nowhere);
    }

    @Test
    void namesTheAdaptersThereAreWhenTheConfiguredOneIsMissing(@TempDir Path dir) throws Exception {
        try (FakeBluez bluez = FakeBluez.start(dir)) {
            assertThatThrownBy(() -> new BleScanner(bluez.environment()).scan("hci7", BleProfile.AUTO,
                    Duration.ofSeconds(1)))
                    .isInstanceOf(BleLinkException.class)
                    .hasMessage("no Bluetooth adapter hci7 (BlueZ has hci0)");
        }
    }
}
