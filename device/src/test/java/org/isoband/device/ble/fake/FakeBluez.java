package org.isoband.device.ble.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.isoband.device.ble.decode.IsobandFrameDecoder;
import org.isoband.device.ble.decode.ProgressorFrameDecoder;
import org.isoband.device.ble.fake.MockInterfaces.AdapterControl;
import org.isoband.device.ble.fake.MockInterfaces.BluezMock;
import org.isoband.device.ble.fake.MockInterfaces.CallRecord;
import org.isoband.device.ble.fake.MockInterfaces.Mock;
import org.isoband.device.ble.fake.MockInterfaces.MockMethod;
import org.isoband.device.ble.fake.MockInterfaces.TestControl;
import org.isoband.device.ble.fake.MockInterfaces.WriteLog;
import org.junit.jupiter.api.Assumptions;

/**
 * BlueZ as the tests see it: a private dbus-daemon started here, python-dbusmock's {@code bluez5} template on it
 * as {@code org.bluez}, an adapter hci0, and fake sensors built from the mock's own D-Bus methods: AddDevice for
 * the device, AddObject for its GATT service and characteristics (with Python code for Connect, StartNotify and
 * WriteValue, the mock logging every call), UpdateProperties for advertisements and notifications, which BlueZ
 * too sends as PropertiesChanged. The code under test connects through {@link #environment()}, the standard
 * {@code DBUS_SYSTEM_BUS_ADDRESS}, exactly as it connects to bluetoothd on a Pi.
 *
 * <p>A thread plays the radio: every 100 ms each fake device that is switched on and not connected
 * "advertises" (a new RSSI, and the crane scale its weight in ManufacturerData), as real devices do; a
 * connected band stops advertising, as the real one does.
 */
public final class FakeBluez implements AutoCloseable {
    public static final String ADAPTER = "hci0";
    static final String DEVICE = "org.bluez.Device1";
    static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** The bus daemon; a system property can name another (or a missing one, to see the tests skip). */
    private static final String DBUS_DAEMON = System.getProperty("fakebluez.dbus-daemon", "dbus-daemon");

    private static final String CONNECT = String.join("\n",
            "if getattr(self, 'fail_connects', 0) > 0:",
            "    self.fail_connects -= 1",
            "    raise dbus.exceptions.DBusException(self.fail_text, name=self.fail_name)",
            "self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(True, variant_level=1)})",
            "self.UpdateProperties('org.bluez.Device1', {'ServicesResolved': dbus.Boolean(True, variant_level=1)})");
    private static final String DISCONNECT = String.join("\n",
            "self.UpdateProperties('org.bluez.Device1', {'ServicesResolved': dbus.Boolean(False, variant_level=1),",
            "    'Connected': dbus.Boolean(False, variant_level=1)})");
    private static final String FAIL_CONNECTS = String.join("\n",
            "self.fail_connects = args[0]",
            "self.fail_name = args[1]",
            "self.fail_text = args[2]");
    private static final String START_NOTIFY =
            "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(True, variant_level=1)})";
    private static final String STOP_NOTIFY =
            "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(False, variant_level=1)})";
    /** The isoband band's Control Point indicates [opcode | 0x80][token][OK] for every command. */
    private static final String ISOBAND_RESPOND = String.join("\n",
            "v = bytes(args[0])",
            "if len(v) >= 2:",
            "    self.UpdateProperties('org.bluez.GattCharacteristic1', {'Value': dbus.Array(",
            "        [dbus.Byte(v[0] | 0x80), dbus.Byte(v[1]), dbus.Byte(0)], signature='y', variant_level=1)})");

    private static final String ADVERTISE_MANUFACTURER_DATA = String.join("\n",
            "data = dbus.Dictionary({dbus.UInt16(0x0100): dbus.Array([dbus.Byte(b) for b in args[0]], signature='y',"
                    + " variant_level=1)}, signature='qv', variant_level=1)",
            "rssi = dbus.Int16(args[1], variant_level=1)",
            "self.props['org.bluez.Device1']['ManufacturerData'] = data",
            "self.props['org.bluez.Device1']['RSSI'] = rssi",
            "self.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as',"
                    + " ['org.bluez.Device1', {'RSSI': rssi, 'ManufacturerData': data}, []])");

    /** The kinds of fake device. */
    public enum Kind {
        ISOBAND, PROGRESSOR, FORCE_BOARD, CTS500, SIG_FORCE, CRANE_SCALE, OTHER;

        /** Whether it connects (and so stops advertising while connected). */
        boolean connects() {
            return this != CRANE_SCALE && this != OTHER;
        }
    }

    /** The battery voltage the fake Progressor answers GET_BATTERY_VOLTAGE (0x6F) with. */
    public static final int PROGRESSOR_MILLIVOLTS = 3870;
    /** The fake CTS500's answer to its battery query (0xC4), volts x 100: Grip Connect's example, 3.55 V. */
    public static final int CTS500_CENTIVOLTS = 355;

    /** One fake device: its object paths and whether it is switched on (advertising when not connected). */
    public static final class FakeDevice {
        public final Kind kind;
        public final String address;
        public final String name;
        public final String path;
        public final String data;
        public final String control;
        volatile boolean on = true;
        volatile byte[] manufacturerData;

        FakeDevice(Kind kind, String address, String name, String path, String data, String control) {
            this.kind = kind;
            this.address = address;
            this.name = name;
            this.path = path;
            this.data = data;
            this.control = control;
        }
    }

    private final Path dir;
    private final Process daemon;
    private final String address;
    private final DBusConnection connection;
    private Process mock;
    private final List<FakeDevice> devices = new CopyOnWriteArrayList<>();
    private final Random random = new Random(5);
    private Thread radio;
    private volatile boolean closed;

    private FakeBluez(Path dir, Process daemon, String address, DBusConnection connection) {
        this.dir = dir;
        this.daemon = daemon;
        this.address = address;
        this.connection = connection;
    }

    /** A private bus with the bluez5 mock and adapter hci0 on it. Skips (or, with CI=true, fails) without tools. */
    public static FakeBluez start(Path dir) throws IOException, InterruptedException {
        String python = requireTools();
        FakeBluez fake = busOnly(dir);
        try {
            fake.startMock(python);
            fake.root(BluezMock.class).AddAdapter(ADAPTER, "isoband-test");
            fake.startRadio();
            return fake;
        } catch (RuntimeException | IOException | InterruptedException e) {
            fake.close();
            throw e;
        }
    }

    /** A private bus with nothing on it: BlueZ is not running. */
    public static FakeBluez busOnly(Path dir) throws IOException, InterruptedException {
        requireTools();
        Path config = dir.resolve("bus.conf");
        Path socket = dir.resolve("bus");
        Files.writeString(config, String.join("\n",
                "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"",
                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">",
                "<busconfig>",
                "  <type>session</type>",
                "  <listen>unix:path=" + socket + "</listen>",
                "  <auth>EXTERNAL</auth>",
                "  <policy context=\"default\">",
                "    <allow user=\"*\"/>",
                "    <allow own=\"*\"/>",
                "    <allow send_type=\"method_call\"/>",
                "    <allow send_type=\"signal\"/>",
                "    <allow send_type=\"method_return\"/>",
                "    <allow send_type=\"error\"/>",
                "    <allow receive_type=\"method_call\"/>",
                "    <allow receive_type=\"signal\"/>",
                "    <allow receive_type=\"method_return\"/>",
                "    <allow receive_type=\"error\"/>",
                "  </policy>",
                "</busconfig>", ""), StandardCharsets.UTF_8);
        Process daemon = new ProcessBuilder(DBUS_DAEMON, "--config-file=" + config, "--print-address", "--nofork")
                .redirectError(dir.resolve("dbus-daemon.log").toFile()).start();
        String address;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(),
                StandardCharsets.UTF_8))) {
            address = out.readLine();
        }
        if (address == null || address.isBlank()) {
            daemon.destroy();
            throw new IllegalStateException("dbus-daemon printed no address: "
                    + Files.readString(dir.resolve("dbus-daemon.log")));
        }
        try {
            DBusConnection c = DBusConnectionBuilder.forAddress(address.trim()).withShared(false).build();
            return new FakeBluez(dir, daemon, address.trim(), c);
        } catch (DBusException e) {
            daemon.destroy();
            throw new IOException("cannot connect to the test bus " + address, e);
        }
    }

    /**
     * The Python that has dbusmock, after checking for dbus-daemon. Without them the test is skipped with a
     * message, unless the environment says CI=true: then they are required and the test fails.
     */
    public static String requireTools() {
        List<String> missing = new ArrayList<>();
        if (!runs(DBUS_DAEMON, "--version")) {
            missing.add("dbus-daemon (Debian package dbus)");
        }
        String python = null;
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (runs(candidate, "-c", "import dbusmock")) {
                python = candidate;
                break;
            }
        }
        if (python == null) {
            missing.add("python3 with dbusmock (Debian package python3-dbusmock)");
        }
        if (!missing.isEmpty()) {
            String message = "BlueZ integration tests need " + String.join(" and ", missing);
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; CI=true, so they are required");
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return python;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void startMock(String python) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, "-m", "dbusmock", "--template", "bluez5")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dbusmock.log").toFile());
        pb.environment().put("DBUS_SYSTEM_BUS_ADDRESS", address);
        mock = pb.start();
        DBus dbus = remote("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        awaitCondition("org.bluez on the test bus (dbusmock.log: " + dir.resolve("dbusmock.log") + ")",
                START_TIMEOUT, () -> {
                    if (!mock.isAlive()) {
                        throw new IllegalStateException("dbusmock exited: " + read(dir.resolve("dbusmock.log")));
                    }
                    return dbus.NameHasOwner("org.bluez");
                });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** DBUS_SYSTEM_BUS_ADDRESS pointing at this bus, for the code under test. */
    public Map<String, String> environment() {
        return Map.of("DBUS_SYSTEM_BUS_ADDRESS", address);
    }

    public String address() {
        return address;
    }

    // ---------------------------------------------------------------- devices

    /** An isoband band: advertises its service UUID; Force Stream (notify) and Control Point (write, indicate). */
    public FakeDevice addBand(String address, String name) {
        String path = addDevice(address, name);
        mock(path).UpdateProperties(DEVICE, Map.of("UUIDs",
                new Variant<>(new String[] {IsobandFrameDecoder.SERVICE.toString()}, "as")));
        String service = path + "/service000a";
        addService(service, path, IsobandFrameDecoder.SERVICE.toString());
        String data = service + "/char000b";
        String control = service + "/char000e";
        addCharacteristic(data, service, IsobandFrameDecoder.FORCE_STREAM.toString(), new String[] {"notify"}, "");
        addCharacteristic(control, service, IsobandFrameDecoder.CONTROL_POINT.toString(),
                new String[] {"write", "indicate"}, recordNotifying(data) + "\n" + ISOBAND_RESPOND);
        addWasNotifying(control);
        return track(new FakeDevice(Kind.ISOBAND, address, name, path, data, control));
    }

    /** A Tindeq Progressor: advertises only its name; data point (notify) and control point (write). */
    public FakeDevice addProgressor(String address, String name) {
        String path = addDevice(address, name);
        String service = path + "/service0010";
        addService(service, path, ProgressorFrameDecoder.SERVICE.toString());
        String data = service + "/char0011";
        String control = service + "/char0014";
        addCharacteristic(data, service, ProgressorFrameDecoder.DATA_POINT.toString(), new String[] {"notify"}, "");
        addCharacteristic(control, service, ProgressorFrameDecoder.CONTROL_POINT.toString(),
                new String[] {"write", "write-without-response"}, recordNotifying(data) + "\n"
                        + answerOnData(data, "0x6f", new byte[] {0, 4, (byte) PROGRESSOR_MILLIVOLTS,
                                (byte) (PROGRESSOR_MILLIVOLTS >> 8), 0, 0}));
        addWasNotifying(control);
        return track(new FakeDevice(Kind.PROGRESSOR, address, name, path, data, control));
    }

    /**
     * A connecting gauge of another kind: its data characteristic (notify) in {@code dataService}, its control
     * characteristic (write; null for none) in {@code controlService}, which may be the same service or another,
     * and the standard Battery Service with {@code batteryPercent} when that is 0 or more.
     *
     * @param echo whether the gauge echoes every command on its data characteristic (the CTS500's serial link)
     */
    public FakeDevice addGattGauge(Kind kind, String address, String name, UUID dataService, UUID dataUuid,
            UUID controlService, UUID controlUuid, boolean echo, int batteryPercent) {
        String path = addDevice(address, name);
        String service = path + "/service0020";
        addService(service, path, dataService.toString());
        String data = service + "/char0021";
        addCharacteristic(data, service, dataUuid.toString(), new String[] {"notify"}, "");
        String control = null;
        if (controlUuid != null) {
            String controlServicePath = service;
            if (!controlService.equals(dataService)) {
                controlServicePath = path + "/service0030";
                addService(controlServicePath, path, controlService.toString());
            }
            control = controlServicePath + "/char0031";
            String echoed = String.join("\n",
                    "objects['" + data + "'].UpdateProperties('" + CHARACTERISTIC + "', {'Value': dbus.Array(",
                    "    [dbus.Byte(b) for b in args[0]], signature='y', variant_level=1)})");
            if (echo && kind == Kind.CTS500) {
                // A query is answered (05 80 opcode ...), not echoed; every other command is echoed.
                byte[] answer = {5, (byte) 0x80, (byte) 0xC4, 0, (byte) (CTS500_CENTIVOLTS >> 8), (byte) CTS500_CENTIVOLTS, 0};
                int sum = 0;
                for (int i = 0; i < 6; i++) {
                    sum += Byte.toUnsignedInt(answer[i]);
                }
                answer[6] = (byte) sum;
                echoed = answerOnData(data, "0x05, 0xc4, 0, 0, 0, 0xc9", answer) + "\nelse:\n"
                        + echoed.lines().map(l -> "    " + l).collect(java.util.stream.Collectors.joining("\n"));
            }
            String onWrite = recordNotifying(data) + (echo ? "\n" + echoed : "");
            addCharacteristic(control, controlServicePath, controlUuid.toString(), new String[] {"write"}, onWrite);
            addWasNotifying(control);
        }
        if (batteryPercent >= 0) {
            String battery = path + "/service0040";
            addService(battery, path, "0000180f-0000-1000-8000-00805f9b34fb");
            addCharacteristic(battery + "/char0041", battery, "00002a19-0000-1000-8000-00805f9b34fb",
                    new String[] {"read", "notify"}, "");
            mock(battery + "/char0041").UpdateProperties(CHARACTERISTIC, Map.of("Value",
                    new Variant<>(new byte[] {(byte) batteryPercent})));
        }
        return track(new FakeDevice(kind, address, name, path, data, control));
    }

    /** The device advertises these service UUIDs (BlueZ's UUIDs property), as a SIG Force gauge may. */
    public void advertiseUuids(FakeDevice d, String... uuids) {
        mock(d.path).UpdateProperties(DEVICE, Map.of("UUIDs", new Variant<>(uuids, "as")));
    }

    /** Python for a control point's WriteValue: answers {@code command} with a notification of {@code answer}. */
    private static String answerOnData(String dataPath, String command, byte[] answer) {
        StringBuilder bytes = new StringBuilder();
        for (byte b : answer) {
            bytes.append(bytes.length() == 0 ? "" : ", ").append("dbus.Byte(").append(Byte.toUnsignedInt(b)).append(')');
        }
        return String.join("\n",
                "if list(bytes(args[0])) == [" + command + "]:",
                "    objects['" + dataPath + "'].UpdateProperties('" + CHARACTERISTIC + "', {'Value': dbus.Array(",
                "        [" + bytes + "], signature='y', variant_level=1)})");
    }

    /** A WH-C06 crane scale: only advertises, its weight in manufacturer data of company 0x0100. */
    public FakeDevice addCraneScale(String address, byte[] manufacturerData) {
        String path = addDevice(address, "");
        // dbusmock's UpdateProperties cannot wrap a dictionary (a{qv}) in a variant, so this method emits the
        // advertisement's PropertiesChanged itself, built the way bluetoothd sends it.
        mock(path).AddMethod("org.isoband.Test", "Advertise", "ayn", "", ADVERTISE_MANUFACTURER_DATA);
        FakeDevice d = new FakeDevice(Kind.CRANE_SCALE, address, "", path, null, null);
        d.manufacturerData = manufacturerData.clone();
        return track(d);
    }

    /** Some other BLE device the gateway does not support (headphones, a watch). */
    public FakeDevice addOther(String address, String name) {
        return track(new FakeDevice(Kind.OTHER, address, name, addDevice(address, name), null, null));
    }

    /**
     * A device BlueZ remembers from earlier (listed, with an old RSSI) that is not switched on: the radio thread
     * never advertises it.
     */
    public FakeDevice addCachedBand(String address, String name) {
        FakeDevice d = addBand(address, name);
        d.on = false;
        return d;
    }

    private String addDevice(String address, String name) {
        String path = root(BluezMock.class).AddDevice(ADAPTER, address, name.isEmpty() ? address : name);
        if (name.isEmpty()) {
            mock(path).UpdateProperties(DEVICE, Map.of("Name", new Variant<>("")));
        }
        Mock m = mock(path);
        m.AddMethod(DEVICE, "Connect", "", "", CONNECT);
        m.AddMethod(DEVICE, "Disconnect", "", "", DISCONNECT);
        m.AddMethod("org.isoband.Test", "FailConnects", "iss", "", FAIL_CONNECTS);
        return path;
    }

    private void addService(String path, String device, String uuid) {
        root(Mock.class).AddObject(path, "org.bluez.GattService1", Map.of(
                "UUID", new Variant<>(uuid),
                "Primary", new Variant<>(Boolean.TRUE),
                "Device", new Variant<>(new DBusPath(device))), List.of());
    }

    private void addCharacteristic(String path, String service, String uuid, String[] flags, String onWrite) {
        root(Mock.class).AddObject(path, CHARACTERISTIC, Map.of(
                "UUID", new Variant<>(uuid),
                "Service", new Variant<>(new DBusPath(service)),
                "Value", new Variant<>(new byte[0]),
                "Notifying", new Variant<>(Boolean.FALSE),
                "Flags", new Variant<>(flags, "as")), List.of(
                new MockMethod("StartNotify", "", "", START_NOTIFY),
                new MockMethod("StopNotify", "", "", STOP_NOTIFY),
                new MockMethod("WriteValue", "aya{sv}", "", onWrite),
                new MockMethod("ReadValue", "a{sv}", "ay", "ret = self.props['" + CHARACTERISTIC + "']['Value']")));
    }

    /** Python for a control point's WriteValue: notes whether the data characteristic was notifying already. */
    private static String recordNotifying(String dataPath) {
        return "self.notifying_at_write = getattr(self, 'notifying_at_write', []) + [bool(objects['" + dataPath
                + "'].props['" + CHARACTERISTIC + "']['Notifying'])]";
    }

    private void addWasNotifying(String controlPath) {
        mock(controlPath).AddMethod("org.isoband.Test", "WasNotifying", "", "ab",
                "ret = getattr(self, 'notifying_at_write', [])");
    }

    /** For each write to the control point, whether notifications of the data were already on at the time. */
    public List<Boolean> notifyingAtWrites(FakeDevice d) {
        return remote("org.bluez", d.control, WriteLog.class).WasNotifying();
    }

    private FakeDevice track(FakeDevice d) {
        devices.add(d);
        return d;
    }

    // ---------------------------------------------------------------- driving them

    /** A notification of the device's data characteristic, as BlueZ sends it: PropertiesChanged on Value. */
    public void notify(FakeDevice d, byte[] value) {
        mock(d.data).UpdateProperties(CHARACTERISTIC, Map.of("Value", new Variant<>(value)));
    }

    /** The crane scale's next advertisements carry this payload. */
    public void setManufacturerData(FakeDevice d, byte[] payload) {
        d.manufacturerData = payload.clone();
    }

    /** The device vanishes: its connection drops (as after a supervision timeout) and it stops advertising. */
    public void vanish(FakeDevice d) {
        d.on = false;
        if (d.kind.connects()) {
            mock(d.path).UpdateProperties(DEVICE, Map.of(
                    "ServicesResolved", new Variant<>(Boolean.FALSE),
                    "Connected", new Variant<>(Boolean.FALSE)));
            // As BlueZ does: a subscription ends with the connection, and a new link must subscribe again.
            mock(d.data).UpdateProperties(CHARACTERISTIC, Map.of("Notifying", new Variant<>(Boolean.FALSE)));
        }
    }

    /**
     * The device's StartNotify answers only after {@code delay}: the mock serves one call at a time, so the whole
     * fake BlueZ is busy meanwhile, as a real one is while a slow sensor answers.
     */
    public void slowStartNotify(FakeDevice d, Duration delay) {
        mock(d.data).AddMethod(CHARACTERISTIC, "StartNotify", "", "",
                "__import__('time').sleep(" + delay.toMillis() / 1000.0 + ")\n" + START_NOTIFY);
    }

    /** The device stops advertising, without losing its connection (the radio thread leaves it alone). */
    public void stopAdvertising(FakeDevice d) {
        d.on = false;
    }

    /** The device is back: it advertises again. */
    public void switchOn(FakeDevice d) {
        d.on = true;
    }

    /**
     * The next {@code count} StartDiscovery calls fail with org.bluez.Error.InProgress, as BlueZ answers while a
     * start or stop of discovery is under way.
     */
    public void discoveryInProgress(int count) {
        String adapter = "/org/bluez/" + ADAPTER;
        mock(adapter).AddMethod("org.isoband.Test", "InProgress", "i", "", "self.in_progress = args[0]");
        remote("org.bluez", adapter, AdapterControl.class).InProgress(count);
        mock(adapter).AddMethod("org.bluez.Adapter1", "StartDiscovery", "", "", String.join("\n",
                "if getattr(self, 'in_progress', 0) > 0:",
                "    self.in_progress -= 1",
                "    raise dbus.exceptions.DBusException('Operation already in progress',"
                        + " name='org.bluez.Error.InProgress')",
                "self.props['org.bluez.Adapter1']['Discovering'] = True",
                "self.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as', ["
                        + "'org.bluez.Adapter1', {'Discovering': dbus.Boolean(True, variant_level=1)}, []])"));
    }

    /** The next {@code count} Connect calls fail with this BlueZ error. */
    public void failConnects(FakeDevice d, int count, String errorName, String text) {
        remote("org.bluez", d.path, TestControl.class).FailConnects(count, errorName, text);
    }

    /** The values written to the device's control characteristic, oldest first. */
    public List<byte[]> writes(FakeDevice d) {
        List<byte[]> out = new ArrayList<>();
        for (CallRecord call : mock(d.control).GetMethodCalls("WriteValue")) {
            out.add(bytes(call.args.get(0).getValue()));
        }
        return out;
    }

    /** How often {@code method} was called on the object at {@code path}. */
    public int calls(String path, String method) {
        return mock(path).GetMethodCalls(method).size();
    }

    /** The mock's log of calls on an object, as "Method" names in order. */
    public boolean isConnected(FakeDevice d) {
        return Boolean.TRUE.equals(property(d.path, DEVICE, "Connected"));
    }

    public boolean isNotifying(FakeDevice d) {
        return Boolean.TRUE.equals(property(d.data, CHARACTERISTIC, "Notifying"));
    }

    public boolean isDiscovering() {
        return Boolean.TRUE.equals(property("/org/bluez/" + ADAPTER, "org.bluez.Adapter1", "Discovering"));
    }

    /** The discovery filter the gateway set, as the mock stored it. */
    public Object discoveryFilter() {
        return property("/org/bluez/" + ADAPTER, "org.bluez.Adapter1", "DiscoveryFilter");
    }

    private Object property(String path, String iface, String name) {
        return remote("org.bluez", path, Properties.class).Get(iface, name);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof List<?> list) {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).byteValue();
            }
            return out;
        }
        throw new IllegalArgumentException("not bytes: " + value);
    }

    /** Adds a method with Python code to a mock object, on the tests' own interface org.isoband.Test. */
    public void addTestMethod(String path, String name, String inSignature, String outSignature, String code) {
        mock(path).AddMethod("org.isoband.Test", name, inSignature, outSignature, code);
    }

    /** A proxy of a mock object, for calling methods added with {@link #addTestMethod}. */
    public <T extends org.freedesktop.dbus.interfaces.DBusInterface> T object(String path, Class<T> type) {
        return remote("org.bluez", path, type);
    }

    // ---------------------------------------------------------------- the radio

    private void startRadio() {
        radio = new Thread(() -> {
            while (!closed) {
                for (FakeDevice d : devices) {
                    if (d.on && !closed) {
                        advertise(d);
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fake-bluez-radio");
        radio.setDaemon(true);
        radio.start();
    }

    private void advertise(FakeDevice d) {
        try {
            if (d.kind.connects() && isConnected(d)) {
                return;
            }
            short rssi = (short) (-50 - random.nextInt(30));
            if (d.kind == Kind.CRANE_SCALE) {
                remote("org.bluez", d.path, TestControl.class).Advertise(d.manufacturerData, rssi);
            } else {
                mock(d.path).UpdateProperties(DEVICE, Map.of("RSSI", new Variant<>(rssi)));
            }
        } catch (RuntimeException e) {
            if (!closed) {
                System.err.println("fake radio: " + e);
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Mock mock(String path) {
        return remote("org.bluez", path, Mock.class);
    }

    private <T extends org.freedesktop.dbus.interfaces.DBusInterface> T root(Class<T> type) {
        return remote("org.bluez", "/", type);
    }

    private <T extends org.freedesktop.dbus.interfaces.DBusInterface> T remote(String bus, String path, Class<T> type) {
        try {
            return connection.getRemoteObject(bus, path, type);
        } catch (DBusException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} every 20 ms until true; fails after {@code timeout}. */
    public static void awaitCondition(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Stops BlueZ (the mock) while the bus stays: bluetoothd crashed or was stopped. */
    public void stopBluez() throws InterruptedException {
        if (mock != null) {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (radio != null) {
            radio.interrupt();
            try {
                radio.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            connection.close();
        } catch (IOException e) {
            // The bus is going away with it.
        }
        for (Process p : new Process[] {mock, daemon}) {
            if (p != null) {
                p.destroy();
                try {
                    if (!p.waitFor(5, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
