/** What only the demo needs besides the gateway: the embedded MQTT broker. */
package org.isoband.app.demo;
