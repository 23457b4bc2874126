package org.isoband.device.source;

/** The state of the link between the gateway and its sensor, for the display and MQTT. */
public enum LinkState {
    /** Looking for the sensor or opening the link. */
    CONNECTING,
    /** Samples are arriving. */
    STREAMING,
    /** The sensor stopped answering; the source keeps trying to get it back. */
    LOST,
    /** Stopped on request, or the recording has ended. */
    STOPPED
}
