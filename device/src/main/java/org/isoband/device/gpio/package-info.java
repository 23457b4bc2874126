/**
 * Sensors and controls wired to the Raspberry Pi's GPIO header, through Pi4J 2: the HX711 load-cell ADC
 * (bit-banged on two pins), the ADS1115 ADC on I2C for a resistive stretch sensor, and the buzzer, LED and
 * push button the gateway drives.
 *
 * <p>This package owns the chip protocols (timing, gain, registers), the checks that keep impossible
 * readings (a saturated ADC, a value stuck for many readings, a clock pulse stretched by the JVM) from
 * passing as force, and the {@link org.isoband.device.source.SampleSource}s {@link
 * org.isoband.device.gpio.Hx711Source} and {@link org.isoband.device.gpio.Ads1115Source}, and the raw readings
 * that calibration takes ({@link org.isoband.device.gpio.RawSensor}, also simulated). The protocol
 * classes take Pi4J's {@code DigitalInput}, {@code DigitalOutput} and {@code I2C} and a {@link
 * org.isoband.device.gpio.GpioClock}, so tests run them against Pi4J's mock platform with chip emulators
 * and a clock they control. Wiring and datasheet references: {@code docs/wiring.md}.
 */
package org.isoband.device.gpio;
