package org.isoband.gateway.input;

/** Bytes that are not input events, with where in the stream they are. */
public final class InputEventException extends RuntimeException {
    private final long offset;

    public InputEventException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    public long offset() {
        return offset;
    }
}
