package org.isoband.device.ble;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One private connection to BlueZ (bluetoothd) on the D-Bus system bus: its object tree, its method calls, and
 * its signals handed to {@link Listener}s with plain values.
 *
 * <p>Built on dbus-java directly rather than on bluez-dbus's wrappers: those swallow BlueZ's errors (Connect
 * returns false without saying why, StartDiscovery hides InProgress) and its exception classes are checked
 * {@code DBusException}s, which dbus-java never instantiates for remote errors, so the D-Bus error name would be
 * lost; its DeviceManager is also a static singleton, and the gateway may need two links. The calls here are
 * raw method calls whose error replies keep their names ({@link BlueZCallException}).
 *
 * <p>Signals are received on dbus-java's one signal thread, in bus order, which keeps notifications in the
 * order the sensor sent them; listeners must be quick.
 */
final class BlueZ implements AutoCloseable {
    static final String SERVICE = "org.bluez";
    static final String ADAPTER = "org.bluez.Adapter1";
    static final String DEVICE = "org.bluez.Device1";
    static final String GATT_SERVICE = "org.bluez.GattService1";
    static final String GATT_CHARACTERISTIC = "org.bluez.GattCharacteristic1";
    /** The environment variable that names the system bus (the D-Bus specification's, honoured by every client). */
    static final String BUS_VARIABLE = "DBUS_SYSTEM_BUS_ADDRESS";
    /** Where the system bus is when the variable is not set (/var/run is a link to /run on Debian). */
    static final String DEFAULT_BUS = "unix:path=/run/dbus/system_bus_socket";
    /** Longest wait for a reply to calls that should be quick (properties, StartNotify, a write). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /** What a {@link BlueZ} connection reports; all on dbus-java's signal thread. */
    interface Listener {
        /**
         * @param arrivalNanos {@link System#nanoTime} as the signal was handed over, before any decoding of ours
         */
        default void propertiesChanged(String path, String iface, Map<String, Object> changed,
                List<String> invalidated, long arrivalNanos) {
        }

        default void interfacesAdded(String path, Map<String, Map<String, Object>> interfaces) {
        }

        default void interfacesRemoved(String path, List<String> interfaces) {
        }

        /** bluetoothd went away (stopped, crashed, restarted) or the bus connection broke. */
        default void bluezGone(String why) {
        }
    }

    /**
     * dbus-java logs a line at INFO for every connection ("Using transport ..."), which is noise on the gateway's
     * console; unless someone configured that logger, only its warnings are shown. Held here so that
     * java.util.logging does not forget the setting.
     */
    private static final java.util.logging.Logger DBUS_JAVA_LOG = quietDbusJava();
    private static final Logger LOG = LoggerFactory.getLogger(BlueZ.class);

    private static java.util.logging.Logger quietDbusJava() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.freedesktop.dbus");
        if (log.getLevel() == null) {
            log.setLevel(java.util.logging.Level.WARNING);
        }
        return log;
    }

    private final DBusConnection connection;
    private final String busAddress;
    private final String owner;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> handlers = new ArrayList<>();
    private volatile boolean gone;

    private BlueZ(DBusConnection connection, String busAddress, String owner) {
        this.connection = connection;
        this.busAddress = busAddress;
        this.owner = owner;
    }

    /** The system bus address: {@value #BUS_VARIABLE} if set, else {@value #DEFAULT_BUS}. */
    static String busAddress(Map<String, String> environment) {
        String value = environment.get(BUS_VARIABLE);
        return value == null || value.isBlank() ? DEFAULT_BUS : value.trim();
    }

    /**
     * Connects to the system bus named by {@code environment} and checks that BlueZ is on it, starting it by
     * D-Bus activation if the system offers that.
     */
    static BlueZ connect(Map<String, String> environment) throws BlueZUnavailableException {
        Objects.requireNonNull(DBUS_JAVA_LOG);
        String address = busAddress(environment);
        Watch watch = new Watch();
        DBusConnection connection = open(address, watch);
        try {
            DBus dbus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!dbus.NameHasOwner(SERVICE) && Arrays.asList(dbus.ListActivatableNames()).contains(SERVICE)) {
                try {
                    dbus.StartServiceByName(SERVICE, new UInt32(0));
                } catch (DBusExecutionException e) {
                    // Reported below as "not running", with the reason.
                }
            }
            if (!dbus.NameHasOwner(SERVICE)) {
                throw new BlueZUnavailableException(address, "BlueZ is not running: no " + SERVICE
                        + " on the system bus (" + address + "); on a Pi: sudo systemctl enable --now bluetooth");
            }
            BlueZ bluez = new BlueZ(connection, address, dbus.GetNameOwner(SERVICE));
            bluez.subscribe();
            watch.bluez = bluez;
            return bluez;
        } catch (DBusException | DBusExecutionException e) {
            closeQuietly(connection);
            throw new BlueZUnavailableException(address, "cannot talk to the system bus at " + address + ": "
                    + describe(e), e);
        } catch (BlueZUnavailableException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static DBusConnection open(String address, Watch watch) throws BlueZUnavailableException {
        List<String> failures = new ArrayList<>();
        // The specification allows several addresses separated by ';', tried in order.
        for (String one : address.split(";")) {
            if (one.isBlank()) {
                continue;
            }
            try {
                return DBusConnectionBuilder.forAddress(one).withShared(false).withDisconnectCallback(watch).build();
            } catch (DBusException | RuntimeException e) {
                failures.add(describe(e));
            }
        }
        throw new BlueZUnavailableException(address, "cannot reach the D-Bus system bus at " + address + ": "
                + String.join("; ", failures) + " (is dbus running? " + BUS_VARIABLE + " names another bus)");
    }

    private void subscribe() throws DBusException {
        handlers.add(connection.addSigHandler(Properties.PropertiesChanged.class, owner, signal -> {
            long arrival = System.nanoTime();
            Map<String, Object> changed = Plain.properties(signal.getPropertiesChanged());
            List<String> invalidated = signal.getPropertiesRemoved() == null ? List.of()
                    : List.copyOf(signal.getPropertiesRemoved());
            for (Listener l : listeners) {
                deliver(l, () -> l.propertiesChanged(signal.getPath(), signal.getInterfaceName(), changed,
                        invalidated, arrival));
            }
        }));
        handlers.add(connection.addSigHandler(ObjectManager.InterfacesAdded.class, owner, signal -> {
            Map<String, Map<String, Object>> interfaces = new LinkedHashMap<>();
            signal.getInterfaces().forEach((iface, props) -> interfaces.put(iface, Plain.properties(props)));
            String path = signal.getSignalSource().getPath();
            for (Listener l : listeners) {
                deliver(l, () -> l.interfacesAdded(path, interfaces));
            }
        }));
        handlers.add(connection.addSigHandler(ObjectManager.InterfacesRemoved.class, owner, signal -> {
            String path = signal.getSignalSource().getPath();
            for (Listener l : listeners) {
                deliver(l, () -> l.interfacesRemoved(path, List.copyOf(signal.getInterfaces())));
            }
        }));
        handlers.add(connection.addSigHandler(DBus.NameOwnerChanged.class, signal -> {
            if (SERVICE.equals(signal.name) && !owner.equals(signal.newOwner)) {
                lose("bluetoothd left the bus (stopped or restarted)");
            }
        }));
    }

    /** Connections are private, so a lost bus is noticed here rather than by dbus-java's shared bookkeeping. */
    private static final class Watch implements IDisconnectCallback {
        volatile BlueZ bluez;

        @Override
        public void disconnectOnError(IOException e) {
            BlueZ b = bluez;
            if (b != null) {
                b.lose("the D-Bus connection broke: " + e.getMessage());
            }
        }
    }

    /** A listener that throws must not take dbus-java's signal thread, or the other listeners, with it. */
    private static void deliver(Listener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("BlueZ signal listener failed: " + e, e);
        }
    }

    private void lose(String why) {
        if (!gone) {
            gone = true;
            for (Listener l : listeners) {
                deliver(l, () -> l.bluezGone(why));
            }
        }
    }

    /** Whether the connection and bluetoothd are still there, as far as this connection knows. */
    boolean alive() {
        return !gone && connection.isConnected();
    }

    String busAddress() {
        return busAddress;
    }

    AutoCloseable listen(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every object BlueZ has, with its interfaces and their properties, values plain. */
    Map<String, Map<String, Map<String, Object>>> managedObjects() throws BleException {
        try {
            ObjectManager om = connection.getRemoteObject(SERVICE, "/", ObjectManager.class);
            Map<String, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
            for (Map.Entry<DBusPath, Map<String, Map<String, Variant<?>>>> e : om.GetManagedObjects().entrySet()) {
                Map<String, Map<String, Object>> interfaces = new LinkedHashMap<>();
                e.getValue().forEach((iface, props) -> interfaces.put(iface, Plain.properties(props)));
                out.put(e.getKey().getPath(), interfaces);
            }
            return out;
        } catch (DBusException | DBusExecutionException e) {
            throw new BlueZUnavailableException(busAddress, "cannot list BlueZ's objects: " + describe(e), e);
        }
    }

    /**
     * Calls a BlueZ method and waits for its reply.
     *
     * @param signature D-Bus signature of {@code args}, or null for none
     * @return the reply's values, plain
     * @throws BlueZCallException with BlueZ's error name, or {@link BlueZCallException#NO_REPLY} after {@code timeout}
     * @throws InterruptedException if the thread was interrupted while waiting (a stop)
     */
    List<Object> call(String path, String iface, String member, Duration timeout, String signature, Object... args)
            throws BleException, InterruptedException {
        String operation = iface.substring(iface.lastIndexOf('.') + 1) + "." + member;
        Message reply;
        try {
            MethodCall call = connection.getMessageFactory().createMethodCall(SERVICE, path, iface, member, (byte) 0,
                    signature, args);
            connection.sendMessage(call);
            reply = call.getReply(timeout.toMillis());
        } catch (DBusException | DBusExecutionException e) {
            throw new BlueZCallException(operation, path, "org.freedesktop.DBus.Error.Failed", describe(e));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException(operation + " interrupted");
        }
        if (reply == null) {
            throw new BlueZCallException(operation, path, BlueZCallException.NO_REPLY,
                    "no answer within " + timeout.toSeconds() + " s");
        }
        try {
            Object[] values = reply.getParameters();
            if (reply instanceof org.freedesktop.dbus.messages.Error error) {
                String text = values != null && values.length > 0 ? String.valueOf(values[0]) : "";
                throw new BlueZCallException(operation, path, error.getName(), text);
            }
            List<Object> out = new ArrayList<>();
            if (values != null) {
                for (Object v : values) {
                    out.add(Plain.of(v));
                }
            }
            return out;
        } catch (DBusException e) {
            throw new BlueZCallException(operation, path, "org.freedesktop.DBus.Error.InvalidArgs", describe(e));
        }
    }

    /** One property's value, plain. */
    Object property(String path, String iface, String name) throws BleException, InterruptedException {
        List<Object> reply = call(path, "org.freedesktop.DBus.Properties", "Get", CALL_TIMEOUT, "ss", iface, name);
        return reply.isEmpty() ? null : reply.get(0);
    }

    @Override
    public void close() {
        for (AutoCloseable h : handlers) {
            try {
                h.close();
            } catch (Exception e) {
                // The connection is going away anyway.
            }
        }
        listeners.clear();
        closeQuietly(connection);
    }

    private static void closeQuietly(DBusConnection connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException e) {
            // Nothing to do about a connection that will not close.
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
            return m + ": " + cause.getMessage();
        }
        return m;
    }
}
