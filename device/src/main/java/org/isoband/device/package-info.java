/**
 * Sensors to samples: Bluetooth LE (BlueZ over D-Bus), GPIO (Pi4J: HX711, ADS1115), the simulator and CSV
 * replay, each behind the same small source interface. Being built (issues "Sensors" and "Bluetooth LE").
 */
package org.isoband.device;
