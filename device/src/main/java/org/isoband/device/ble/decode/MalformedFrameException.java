package org.isoband.device.ble.decode;

/**
 * Bytes that do not follow their format, with what is wrong and where: "isoband stream: length mismatch at byte
 * offset 4: 2 samples need 21 bytes, got 16". Checked, because a sensor sending bad bytes is an expected event
 * that the transport must count and log rather than crash on.
 */
public final class MalformedFrameException extends Exception {
    private final String format;
    private final FrameProblem problem;
    private final int offset;

    public MalformedFrameException(String format, FrameProblem problem, int offset, String detail) {
        super(format + ": " + problem.describe() + " at byte offset " + offset + ": " + detail);
        this.format = format;
        this.problem = problem;
        this.offset = offset;
    }

    /** The format being decoded, such as "isoband stream". */
    public String format() {
        return format;
    }

    public FrameProblem problem() {
        return problem;
    }

    /** Zero-based offset into the bytes given to the decoder. */
    public int offset() {
        return offset;
    }
}
