package org.isoband.device.ble.decode;

/** A command the gateway writes to the isoband Control Point; {@link IsobandControlPoint} turns it into bytes. */
public sealed interface IsobandCommand {

    IsobandOpcode opcode();

    /** Start streaming; the first frame is flagged {@link FrameFlag#SEQUENCE_RESTARTED}. */
    record Start() implements IsobandCommand {
        @Override
        public IsobandOpcode opcode() {
            return IsobandOpcode.START;
        }
    }

    record Stop() implements IsobandCommand {
        @Override
        public IsobandOpcode opcode() {
            return IsobandOpcode.STOP;
        }
    }

    /** Zero the reading; only meaningful with the band unloaded (rest tension is measured, not tared away). */
    record Tare() implements IsobandCommand {
        @Override
        public IsobandOpcode opcode() {
            return IsobandOpcode.TARE;
        }
    }

    /** @param hertz samples per second, sent as uint16; the reference band offers 10, 20, 40 and 80 */
    record SetRate(int hertz) implements IsobandCommand {
        public SetRate {
            if (hertz < 1 || hertz > 0xFFFF) {
                throw new IllegalArgumentException("rate must be 1 to 65535 Hz, got " + hertz);
            }
        }

        @Override
        public IsobandOpcode opcode() {
            return IsobandOpcode.SET_RATE;
        }
    }

    /** @param knownMillinewtons the load hanging on the sensor right now, such as 98067 for 10 kg */
    record Calibrate(int knownMillinewtons) implements IsobandCommand {
        public Calibrate {
            if (knownMillinewtons <= 0) {
                throw new IllegalArgumentException("a calibration load must be positive, got " + knownMillinewtons
                        + " mN");
            }
        }

        @Override
        public IsobandOpcode opcode() {
            return IsobandOpcode.CALIBRATE;
        }
    }

    record GetStatus() implements IsobandCommand {
        @Override
        public IsobandOpcode opcode() {
            return IsobandOpcode.GET_STATUS;
        }
    }
}
