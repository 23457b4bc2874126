package org.isoband.device.ble.decode;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The band's answer to one command, indicated on the Control Point.
 *
 * @param opcode        the command answered
 * @param token         the token the gateway sent with it, 0-255
 * @param status        the outcome; a payload comes only with {@link IsobandStatus#OK}
 * @param appliedRateHz SET_RATE answered OK: the rate now in effect
 * @param bandStatus    GET_STATUS answered OK: the band's state
 */
public record IsobandResponse(IsobandOpcode opcode, int token, IsobandStatus status, OptionalInt appliedRateHz,
        Optional<BandStatus> bandStatus) {

    /**
     * @param protocolVersion the version of the stream frames the band sends
     * @param streaming       whether the band is streaming
     * @param calibrated      whether a calibration is stored (else readings are raw ADC counts scaled by a default)
     * @param rateHz          the current output rate
     */
    public record BandStatus(int protocolVersion, boolean streaming, boolean calibrated, int rateHz) {
    }

    public boolean ok() {
        return status == IsobandStatus.OK;
    }
}
