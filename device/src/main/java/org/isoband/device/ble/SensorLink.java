package org.isoband.device.ble;

/**
 * One link to a sensor found in a discovery, from its first reading to its end: a GATT connection
 * ({@link GattLink}) or listening to advertisements ({@link AdvertisementLink}), as the kind's {@link LinkPlan}
 * says. {@link #run} returns when the source is stopped and throws when the link is lost, for the source to
 * reconnect.
 */
sealed interface SensorLink permits GattLink, AdvertisementLink {

    /**
     * @param target    the device, as it advertised
     * @param discovery the discovery it was found in: a GATT link stops it before connecting, an advertisement
     *                  link needs it on
     */
    void run(Advertisement target, Discovery discovery) throws BleException, InterruptedException;

    static SensorLink of(DeviceKind kind, LinkContext context, BlueZ bluez, Devices devices) {
        // Java 17 has no pattern switch; LinkPlan has exactly these two.
        if (kind.plan() instanceof LinkPlan.Gatt gatt) {
            return new GattLink(kind, gatt, context, bluez, devices);
        }
        return new AdvertisementLink(kind, (LinkPlan.Advertised) kind.plan(), context, bluez);
    }
}
