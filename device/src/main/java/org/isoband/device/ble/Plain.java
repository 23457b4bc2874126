package org.isoband.device.ble;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.UInt64;
import org.freedesktop.dbus.types.Variant;

/**
 * dbus-java's values to plain Java ones, so that the rest of the package (and its unit tests) never see
 * D-Bus types: variants unwrapped, unsigned integers to Integer (uint16) and Long (uint32, uint64), object paths to strings, byte arrays
 * to {@code byte[]} whether dbus-java gives a {@code byte[]} or a list of {@code Byte}s (it depends on nesting),
 * other arrays to lists.
 */
final class Plain {
    private Plain() {
    }

    static Object of(Object value) {
        if (value instanceof Variant<?> v) {
            return of(v.getValue());
        }
        // Unsigned types to the Java type that holds them, so that map lookups by Integer work (company ids).
        if (value instanceof UInt16 u) {
            return u.intValue();
        }
        if (value instanceof UInt32 u) {
            return u.longValue();
        }
        if (value instanceof UInt64 u) {
            return u.longValue();
        }
        if (value instanceof DBusPath p) {
            return p.getPath();
        }
        if (value instanceof byte[]) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(of(e.getKey()), of(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            return list(list);
        }
        if (value != null && value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(Array.get(value, i));
            }
            return list(items);
        }
        return value;
    }

    private static Object list(List<?> list) {
        if (!list.isEmpty() && list.stream().allMatch(o -> o instanceof Byte)) {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (Byte) list.get(i);
            }
            return bytes;
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(of(o));
        }
        return out;
    }

    /** A property map (a{sv}) with plain values. */
    static Map<String, Object> properties(Map<String, ? extends Variant<?>> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> out.put(k, of(v)));
        return out;
    }

    /** The value of a byte-array property: {@code byte[]}, or null if it is something else. */
    static byte[] bytes(Object value) {
        Object plain = of(value);
        if (plain instanceof byte[] b) {
            return b;
        }
        if (plain instanceof List<?> l && l.isEmpty()) {
            return new byte[0];
        }
        return null;
    }
}
