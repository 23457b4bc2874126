package org.isoband.core.message;

/**
 * A payload that is not a valid message of its kind: not JSON, a missing or mistyped field, a schema version
 * this code does not know. Names the message kind and the field so that a consumer can log one useful line.
 */
public final class MessageFormatException extends RuntimeException {
    private final String kind;
    private final String field;

    public MessageFormatException(String kind, String field, String problem) {
        super(kind + (field == null ? "" : ", field " + field) + ": " + problem);
        this.kind = kind;
        this.field = field;
    }

    /** {@code rep}, {@code state}, {@code force} or {@code session}. */
    public String kind() {
        return kind;
    }

    /** The offending field, or null when the payload as a whole is wrong (not JSON, not an object). */
    public String field() {
        return field;
    }
}
