/**
 * The parts only the program adds around a gateway (they need the dashboard or Moquette, which the Pi runtime
 * does not carry): the demo's embedded MQTT broker and the home dashboard.
 */
package org.isoband.app.parts;
