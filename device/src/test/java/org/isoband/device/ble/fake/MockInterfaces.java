package org.isoband.device.ble.fake;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/** python-dbusmock's control interfaces, as dbus-java proxies (method names are D-Bus's, hence the case). */
@SuppressWarnings({"checkstyle:methodname"})
public final class MockInterfaces {
    private MockInterfaces() {
    }

    /** Every mock object has it: add objects and methods, change properties (with PropertiesChanged), see calls. */
    @DBusInterfaceName("org.freedesktop.DBus.Mock")
    public interface Mock extends DBusInterface {
        void AddObject(String path, String iface, Map<String, Variant<?>> properties, List<MockMethod> methods);

        void AddMethod(String iface, String name, String inSignature, String outSignature, String code);

        void UpdateProperties(String iface, Map<String, Variant<?>> properties);

        void RemoveObject(String path);

        List<CallRecord> GetMethodCalls(String method);

        void ClearCalls();
    }

    /** The bluez5 template's helpers on its root object. */
    @DBusInterfaceName("org.bluez.Mock")
    public interface BluezMock extends DBusInterface {
        String AddAdapter(String deviceName, String systemName);

        String AddDevice(String adapterDeviceName, String address, String alias);
    }

    /** Methods the tests add to fake devices to steer them. */
    @DBusInterfaceName("org.isoband.Test")
    public interface TestControl extends DBusInterface {
        void FailConnects(int count, String errorName, String text);

        void Advertise(byte[] manufacturerData, short rssi);
    }

    /** Added to fake control points: what each write found. */
    @DBusInterfaceName("org.isoband.Test")
    public interface WriteLog extends DBusInterface {
        List<Boolean> WasNotifying();
    }

    /** Added to the fake adapter to steer it. */
    @DBusInterfaceName("org.isoband.Test")
    public interface AdapterControl extends DBusInterface {
        void InProgress(int count);
    }

    /** (name, in signature, out signature, Python code) as AddObject takes them. */
    public static final class MockMethod extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final String inSignature;
        @Position(2)
        public final String outSignature;
        @Position(3)
        public final String code;

        public MockMethod(String name, String inSignature, String outSignature, String code) {
            this.name = name;
            this.inSignature = inSignature;
            this.outSignature = outSignature;
            this.code = code;
        }
    }

    /** (timestamp, arguments) of one logged call. */
    public static final class CallRecord extends Struct {
        @Position(0)
        public final UInt64 time;
        @Position(1)
        public final List<Variant<?>> args;

        public CallRecord(UInt64 time, List<Variant<?>> args) {
            this.time = time;
            this.args = args;
        }
    }
}
