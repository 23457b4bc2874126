/**
 * The bytes of BLE force sensors, as pure functions: each {@link org.isoband.device.ble.decode.ForceFrameDecoder}
 * turns one notification or advertisement payload into {@link org.isoband.device.ble.decode.ForceReading}s, and
 * {@link org.isoband.device.ble.decode.IsobandControlPoint} writes the isoband band's commands and reads its
 * responses. Owns the byte layouts, the UUIDs that name them, and the conversion to newtons; it does not own the
 * transport (BlueZ, scanning, subscriptions), the gateway's clock, or any state across frames: unwrapping the
 * sensor clock and counting lost frames over a stream belong to the caller, which gets the pure arithmetic
 * for it here ({@link org.isoband.device.ble.decode.IsobandFrameDecoder#framesLost}).
 *
 * <p>Layouts are specified in {@code firmware-notes/gatt-profile.md} (isoband) and
 * {@code firmware-notes/commercial-gauges.md} (Tindeq Progressor, Force Board, CTS500, WH-C06); the tests check every decoder against
 * the byte vectors in {@code firmware-notes/vectors/}, which the firmware's C codec also produces and checks.
 * Bad bytes throw {@link org.isoband.device.ble.decode.MalformedFrameException}, naming the problem and the byte
 * offset with the same rules as the C codec.
 */
package org.isoband.device.ble.decode;
