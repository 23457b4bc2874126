package org.isoband.device.ble;

import java.util.Map;
import java.util.Optional;
import org.isoband.device.ble.LinkPlan.Endpoint;

/**
 * One connected device's GATT services and characteristics, as BlueZ lists them in its object tree (services
 * under the device's path, characteristics naming their service), searched by UUID.
 */
final class GattDatabase {
    private final Map<String, Map<String, Map<String, Object>>> objects;
    private final String devicePath;

    /** @param objects BlueZ's managed objects, plain */
    GattDatabase(Map<String, Map<String, Map<String, Object>>> objects, String devicePath) {
        this.objects = objects;
        this.devicePath = devicePath;
    }

    /** The object path of the endpoint's characteristic on this device. */
    Optional<String> find(Endpoint endpoint) {
        for (Map.Entry<String, Map<String, Map<String, Object>>> e : objects.entrySet()) {
            Map<String, Object> props = e.getValue().get(BlueZ.GATT_CHARACTERISTIC);
            if (props == null || !e.getKey().startsWith(devicePath + "/")
                    || !sameUuid(props, endpoint.characteristic().toString())) {
                continue;
            }
            String service = String.valueOf(props.get("Service"));
            if (endpoint.service().isEmpty() || service(service).filter(
                    uuid -> uuid.equalsIgnoreCase(endpoint.service().get().toString())).isPresent()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** "service 7e4e1701-...", or "characteristic 7e4e1703-..." when its service is there: for the user. */
    String describeMissing(Endpoint endpoint) {
        boolean serviceThere = endpoint.service().isEmpty() || objects.entrySet().stream().anyMatch(e ->
                e.getKey().startsWith(devicePath + "/") && e.getValue().containsKey(BlueZ.GATT_SERVICE)
                        && sameUuid(e.getValue().get(BlueZ.GATT_SERVICE), endpoint.service().get().toString()));
        return serviceThere ? "characteristic " + endpoint.characteristic() : "service " + endpoint.service().get();
    }

    private Optional<String> service(String path) {
        Map<String, Map<String, Object>> ifaces = objects.get(path);
        if (ifaces == null || !ifaces.containsKey(BlueZ.GATT_SERVICE)) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(ifaces.get(BlueZ.GATT_SERVICE).get("UUID")));
    }

    private static boolean sameUuid(Map<String, Object> props, String uuid) {
        return uuid.equalsIgnoreCase(String.valueOf(props.get("UUID")));
    }
}
