package org.isoband.device.source;

/**
 * What a source is, in terms the display and MQTT can show without knowing the sensor.
 *
 * @param name      for people: "Simulated athlete (seed 7)", "HX711 on GPIO 5/6", "Progressor 12:34:..."
 * @param kind      short machine name: {@code sim}, {@code replay}, {@code hx711}, {@code ads1115}, {@code ble}
 * @param nominalHz the rate the sensor is set to (actual samples may jitter and drop)
 */
public record SourceDescription(String name, String kind, double nominalHz) {
}
