package org.isoband.device.ble;

import java.util.Optional;
import java.util.UUID;

/**
 * How the gateway gets a sensor's readings: by connecting to it ({@link Gatt}) or by listening to its
 * advertisements ({@link Advertised}). Each {@link DeviceKind} has one; {@link SensorLink} runs it.
 */
public sealed interface LinkPlan {

    /**
     * A characteristic, found in the device's GATT database by its UUID, inside a service of {@code service}'s
     * UUID, or (empty) in any service of the device: the SIG Force characteristic belongs to no fixed service.
     */
    record Endpoint(Optional<UUID> service, UUID characteristic) {
        static Endpoint in(UUID service, UUID characteristic) {
            return new Endpoint(Optional.of(service), characteristic);
        }

        static Endpoint anywhere(UUID characteristic) {
            return new Endpoint(Optional.empty(), characteristic);
        }
    }

    /**
     * The characteristic the sensor takes its commands on, written with response.
     *
     * @param indicates      whether it answers by indication on itself (the band) rather than on the data (the
     *                       Progressor)
     * @param batteryRequest a command whose answer, on the data characteristic, carries the battery voltage
     *                       (the Progressor's GET_BATTERY_VOLTAGE); empty if there is none
     */
    record Control(Endpoint endpoint, byte[] start, byte[] stop, boolean indicates, Optional<byte[]> batteryRequest) {
        public Control {
            start = start.clone();
            stop = stop.clone();
            batteryRequest = batteryRequest.map(byte[]::clone);
        }
    }

    /**
     * Connect, subscribe to {@code data}, and (with a {@code control}) write its start command; without one the
     * sensor notifies as soon as it is subscribed to (the SIG Force characteristic).
     */
    record Gatt(Endpoint data, Optional<Control> control) implements LinkPlan {
    }

    /**
     * Never connect: the readings are the manufacturer data of company {@code companyId} in each advertisement,
     * at least {@code minPayload} bytes long.
     */
    record Advertised(int companyId, int minPayload) implements LinkPlan {
    }
}
