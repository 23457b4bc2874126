/**
 * BLE force sensors through BlueZ (bluetoothd) over the D-Bus system bus, exactly as on a Pi: finding them
 * ({@link org.isoband.device.ble.BleScanner}, what {@code isoband scan} lists), and streaming one as a
 * {@link org.isoband.device.source.SampleSource} ({@link org.isoband.device.ble.BleSource}, kind {@code ble}),
 * with reconnection forever and the link state reported.
 *
 * <p>Owns the transport and everything stateful across frames: the D-Bus connection (named by
 * {@code DBUS_SYSTEM_BUS_ADDRESS}, else the system bus), discovery and its filter, connecting and resolving
 * services, subscriptions, start and stop commands, the sensor clock mapped to the gateway's
 * ({@link org.isoband.device.ble.SensorClock}), sequence gaps, the backoff between reconnections, and which
 * device was used last. It does not own the bytes: each device kind's layout is a pure decoder in
 * {@link org.isoband.device.ble.decode}. Nor what a lost link means for a rep: it reports
 * {@link org.isoband.device.source.LinkState#LOST}, and the gateway decides.
 *
 * <p>Supported devices ({@link org.isoband.device.ble.DeviceKind}, each with a
 * {@link org.isoband.device.ble.LinkPlan}): the isoband band (found by its service UUID), the Tindeq Progressor
 * and compatible firmwares (by name, since it does not advertise its UUID), the PitchSix Force Board and the
 * CTS500 (by name), any device with the SIG Force characteristic, and the WH-C06 crane scale (by manufacturer data
 * of company 0x0100; it only advertises, so its readings come from advertisements). A
 * {@link org.isoband.device.ble.SensorLink} runs a plan: {@code GattLink} connects, {@code AdvertisementLink}
 * listens; a link ends with a {@code LinkEnd}. {@link org.isoband.device.ble.UnsupportedGauge} names the gauges
 * a scan recognises but the gateway cannot read, and why.
 *
 * <p>Tested against python-dbusmock's BlueZ template on a private dbus-daemon (the {@code *IT} tests), which
 * stands in for bluetoothd; see docs/ble.md for running the CLI against the same fake by hand.
 */
package org.isoband.device.ble;
