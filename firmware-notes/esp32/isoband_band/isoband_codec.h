/*
 * isoband_codec.h - the byte layouts of the isoband band's GATT profile (see ../gatt-profile.md).
 *
 * Plain C99, header-only: every function is `static inline`, so the ESP32 sketch (which is C++) and the
 * host tests compile exactly the same code, and a sketch needs this one file and nothing else. No Arduino,
 * no allocation, no floating point: the wire format is integers only, so encoding cannot depend on the
 * compiler's float rounding.
 *
 * Conventions
 * - Every multi-byte field is little-endian (the Bluetooth convention; also the order of the ESP32 and nRF52
 *   cores, but we never rely on that: bytes are assembled with shifts).
 * - Encoders return the number of bytes written, or 0 when the input is invalid or the buffer too small.
 * - Decoders return an isoband_result: ISOBAND_OK, or what is wrong and at which byte offset, with the same
 *   rules as the Java decoders (org.isoband.device.ble.decode), so both sides report a bad frame identically:
 *     too_short           the input ends before the fixed part does; offset = input length (first missing byte)
 *     unsupported_version offset of the version byte
 *     unknown_code        offset of the opcode or code byte
 *     length_mismatch     offset of the field that declares the length, or, for fixed-size values, of the
 *                         first byte past the expected end
 *     bad_value           offset of the field whose value is out of range
 */
#ifndef ISOBAND_CODEC_H
#define ISOBAND_CODEC_H

#include <stddef.h>
#include <stdint.h>

/* ---- Stream frames (notifications of the Force Stream characteristic) ---- */

#define ISOBAND_PROTOCOL_VERSION 1u
#define ISOBAND_FRAME_HEADER_SIZE 5u
#define ISOBAND_SAMPLE_SIZE 8u
/* A design cap, not a BLE limit: 16 samples at 80 Hz is 200 ms of latency, already too much for live cues. */
#define ISOBAND_MAX_SAMPLES 16u
#define ISOBAND_MAX_FRAME_SIZE (ISOBAND_FRAME_HEADER_SIZE + ISOBAND_SAMPLE_SIZE * ISOBAND_MAX_SAMPLES)

/* Header flags. Bits not defined here are reserved: senders write 0, receivers ignore them. */
#define ISOBAND_FLAG_STREAM_START 0x01u /* first frame after START: sequence restarted at 0 */
#define ISOBAND_FLAG_SATURATED 0x02u    /* a sample in this frame was clipped (ADC rail or int32 range) */

/* Measured values never use the two extreme int32 values: INT32_MAX means "not known" in the SIG Force
 * characteristic, and keeping the range symmetric lets a receiver negate a value without overflow. */
#define ISOBAND_MILLINEWTONS_MAX (INT32_MAX - 1)
#define ISOBAND_MILLINEWTONS_MIN (-(INT32_MAX - 1))

typedef struct {
    int32_t millinewtons;   /* band tension, 0.001 N */
    uint32_t sensor_micros; /* band's clock when the sample was complete; wraps after 2^32 us (~71.6 min) */
} isoband_sample;

typedef struct {
    uint8_t version;   /* decoded from the frame; the encoder always writes ISOBAND_PROTOCOL_VERSION */
    uint8_t flags;     /* ISOBAND_FLAG_* */
    uint16_t sequence; /* +1 per notification, wraps 65535 -> 0 */
    uint8_t count;     /* 1..ISOBAND_MAX_SAMPLES */
    isoband_sample samples[ISOBAND_MAX_SAMPLES];
} isoband_frame;

/* ---- Control point: commands (written by the gateway) and responses (indicated by the band) ---- */

#define ISOBAND_OP_START 0x01u
#define ISOBAND_OP_STOP 0x02u
#define ISOBAND_OP_TARE 0x03u
#define ISOBAND_OP_SET_RATE 0x04u  /* param: uint16 rate in Hz */
#define ISOBAND_OP_CALIBRATE 0x05u /* param: int32 known load in mN, hanging on the band right now */
#define ISOBAND_OP_GET_STATUS 0x06u
#define ISOBAND_RESPONSE_BIT 0x80u /* response opcode = command opcode | 0x80 */

#define ISOBAND_STATUS_OK 0x00u
#define ISOBAND_STATUS_UNKNOWN_OPCODE 0x01u
#define ISOBAND_STATUS_BAD_LENGTH 0x02u
#define ISOBAND_STATUS_BAD_VALUE 0x03u
#define ISOBAND_STATUS_NOT_ALLOWED 0x04u
#define ISOBAND_STATUS_SENSOR_ERROR 0x05u
#define ISOBAND_STATUS_LAST ISOBAND_STATUS_SENSOR_ERROR

/* GET_STATUS state flags */
#define ISOBAND_STATE_STREAMING 0x01u
#define ISOBAND_STATE_CALIBRATED 0x02u

#define ISOBAND_COMMAND_HEADER_SIZE 2u  /* opcode, token */
#define ISOBAND_RESPONSE_HEADER_SIZE 3u /* opcode | 0x80, token, status */
#define ISOBAND_MAX_COMMAND_SIZE 6u
#define ISOBAND_MAX_RESPONSE_SIZE 7u

typedef struct {
    uint8_t opcode;
    uint8_t token;               /* chosen by the gateway, echoed in the response to pair them */
    uint16_t rate_hz;            /* SET_RATE */
    int32_t known_millinewtons;  /* CALIBRATE */
} isoband_command;

typedef struct {
    uint8_t opcode; /* the command's opcode, without ISOBAND_RESPONSE_BIT */
    uint8_t token;
    uint8_t status;            /* ISOBAND_STATUS_*; a payload follows only with ISOBAND_STATUS_OK */
    uint16_t rate_hz;          /* SET_RATE: the rate now in effect; GET_STATUS: the current rate */
    uint8_t protocol_version;  /* GET_STATUS */
    uint8_t state_flags;       /* GET_STATUS: ISOBAND_STATE_* */
} isoband_response;

/* ---- SIG Force characteristic (0x2C07): sint32, 0.001 N ---- */

#define ISOBAND_SIG_FORCE_SIZE 4u
#define ISOBAND_SIG_FORCE_UNKNOWN INT32_MAX

/* ---- Results ---- */

typedef enum {
    ISOBAND_OK = 0,
    ISOBAND_ERR_TOO_SHORT,
    ISOBAND_ERR_UNSUPPORTED_VERSION,
    ISOBAND_ERR_UNKNOWN_CODE,
    ISOBAND_ERR_LENGTH_MISMATCH,
    ISOBAND_ERR_BAD_VALUE
} isoband_error;

typedef struct {
    isoband_error error;
    size_t offset;
} isoband_result;

/* The names the test vectors and the Java decoders use for each error. */
static inline const char *isoband_error_name(isoband_error error) {
    switch (error) {
    case ISOBAND_OK: return "ok";
    case ISOBAND_ERR_TOO_SHORT: return "too_short";
    case ISOBAND_ERR_UNSUPPORTED_VERSION: return "unsupported_version";
    case ISOBAND_ERR_UNKNOWN_CODE: return "unknown_code";
    case ISOBAND_ERR_LENGTH_MISMATCH: return "length_mismatch";
    case ISOBAND_ERR_BAD_VALUE: return "bad_value";
    }
    return "?";
}

static inline isoband_result isoband_fail(isoband_error error, size_t offset) {
    isoband_result result;
    result.error = error;
    result.offset = offset;
    return result;
}

static inline isoband_result isoband_ok(void) {
    return isoband_fail(ISOBAND_OK, 0);
}

/* ---- Little-endian fields ---- */

static inline void isoband_put_u16(uint8_t *out, uint16_t value) {
    out[0] = (uint8_t)(value & 0xFFu);
    out[1] = (uint8_t)(value >> 8);
}

static inline void isoband_put_u32(uint8_t *out, uint32_t value) {
    out[0] = (uint8_t)(value & 0xFFu);
    out[1] = (uint8_t)((value >> 8) & 0xFFu);
    out[2] = (uint8_t)((value >> 16) & 0xFFu);
    out[3] = (uint8_t)(value >> 24);
}

static inline void isoband_put_i32(uint8_t *out, int32_t value) {
    isoband_put_u32(out, (uint32_t)value); /* well defined: conversion to unsigned is modulo 2^32 */
}

static inline uint16_t isoband_get_u16(const uint8_t *in) {
    return (uint16_t)(in[0] | (in[1] << 8));
}

static inline uint32_t isoband_get_u32(const uint8_t *in) {
    return (uint32_t)in[0] | ((uint32_t)in[1] << 8) | ((uint32_t)in[2] << 16) | ((uint32_t)in[3] << 24);
}

static inline int32_t isoband_get_i32(const uint8_t *in) {
    uint32_t raw = isoband_get_u32(in);
    /* Converting an out-of-range unsigned value to int32_t is implementation-defined in C99; do it by hand. */
    if (raw <= (uint32_t)INT32_MAX) {
        return (int32_t)raw;
    }
    return (int32_t)(raw - 0x80000000u) + INT32_MIN;
}

/* Clamp a computed force into the range a frame may carry. *clipped is set when the value had to move. */
static inline int32_t isoband_clamp_millinewtons(int64_t millinewtons, int *clipped) {
    if (millinewtons > (int64_t)ISOBAND_MILLINEWTONS_MAX) {
        *clipped = 1;
        return ISOBAND_MILLINEWTONS_MAX;
    }
    if (millinewtons < (int64_t)ISOBAND_MILLINEWTONS_MIN) {
        *clipped = 1;
        return ISOBAND_MILLINEWTONS_MIN;
    }
    return (int32_t)millinewtons;
}

/* ---- Stream frames ---- */

static inline size_t isoband_frame_size(uint8_t count) {
    return ISOBAND_FRAME_HEADER_SIZE + ISOBAND_SAMPLE_SIZE * (size_t)count;
}

static inline size_t isoband_encode_frame(const isoband_frame *frame, uint8_t *out, size_t capacity) {
    size_t size;
    uint8_t i;
    if (frame->count == 0 || frame->count > ISOBAND_MAX_SAMPLES) {
        return 0;
    }
    size = isoband_frame_size(frame->count);
    if (capacity < size) {
        return 0;
    }
    out[0] = (uint8_t)ISOBAND_PROTOCOL_VERSION;
    out[1] = frame->flags;
    isoband_put_u16(out + 2, frame->sequence);
    out[4] = frame->count;
    for (i = 0; i < frame->count; i++) {
        uint8_t *sample = out + ISOBAND_FRAME_HEADER_SIZE + ISOBAND_SAMPLE_SIZE * i;
        isoband_put_i32(sample, frame->samples[i].millinewtons);
        isoband_put_u32(sample + 4, frame->samples[i].sensor_micros);
    }
    return size;
}

static inline isoband_result isoband_decode_frame(const uint8_t *in, size_t length, isoband_frame *frame) {
    uint8_t i;
    /* The version comes first: another version may have another header, so no other rule applies to it. */
    if (length < 1) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (in[0] != ISOBAND_PROTOCOL_VERSION) {
        return isoband_fail(ISOBAND_ERR_UNSUPPORTED_VERSION, 0);
    }
    if (length < ISOBAND_FRAME_HEADER_SIZE) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (in[4] == 0 || in[4] > ISOBAND_MAX_SAMPLES) {
        return isoband_fail(ISOBAND_ERR_BAD_VALUE, 4);
    }
    if (length != isoband_frame_size(in[4])) {
        return isoband_fail(ISOBAND_ERR_LENGTH_MISMATCH, 4);
    }
    frame->version = in[0];
    frame->flags = in[1];
    frame->sequence = isoband_get_u16(in + 2);
    frame->count = in[4];
    for (i = 0; i < frame->count; i++) {
        const uint8_t *sample = in + ISOBAND_FRAME_HEADER_SIZE + ISOBAND_SAMPLE_SIZE * i;
        frame->samples[i].millinewtons = isoband_get_i32(sample);
        frame->samples[i].sensor_micros = isoband_get_u32(sample + 4);
    }
    return isoband_ok();
}

/* ---- Control point ---- */

static inline int isoband_opcode_known(uint8_t opcode) {
    return opcode >= ISOBAND_OP_START && opcode <= ISOBAND_OP_GET_STATUS;
}

static inline size_t isoband_command_param_size(uint8_t opcode) {
    switch (opcode) {
    case ISOBAND_OP_SET_RATE: return 2;
    case ISOBAND_OP_CALIBRATE: return 4;
    default: return 0;
    }
}

/* Output rates the reference firmware offers: the ADC runs at 80 Hz and lower rates average 2, 4 or 8 of its
 * conversions, which also lowers the noise. */
static inline int isoband_rate_supported(uint16_t rate_hz) {
    return rate_hz == 10 || rate_hz == 20 || rate_hz == 40 || rate_hz == 80;
}

static inline size_t isoband_encode_command(const isoband_command *command, uint8_t *out, size_t capacity) {
    size_t size;
    if (!isoband_opcode_known(command->opcode)) {
        return 0;
    }
    size = ISOBAND_COMMAND_HEADER_SIZE + isoband_command_param_size(command->opcode);
    if (capacity < size) {
        return 0;
    }
    out[0] = command->opcode;
    out[1] = command->token;
    if (command->opcode == ISOBAND_OP_SET_RATE) {
        isoband_put_u16(out + 2, command->rate_hz);
    } else if (command->opcode == ISOBAND_OP_CALIBRATE) {
        isoband_put_i32(out + 2, command->known_millinewtons);
    }
    return size;
}

static inline isoband_result isoband_decode_command(const uint8_t *in, size_t length, isoband_command *command) {
    size_t expected;
    if (length < 1) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (!isoband_opcode_known(in[0])) {
        return isoband_fail(ISOBAND_ERR_UNKNOWN_CODE, 0);
    }
    expected = ISOBAND_COMMAND_HEADER_SIZE + isoband_command_param_size(in[0]);
    if (length < expected) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (length > expected) {
        return isoband_fail(ISOBAND_ERR_LENGTH_MISMATCH, expected);
    }
    command->opcode = in[0];
    command->token = in[1];
    command->rate_hz = in[0] == ISOBAND_OP_SET_RATE ? isoband_get_u16(in + 2) : 0;
    command->known_millinewtons = in[0] == ISOBAND_OP_CALIBRATE ? isoband_get_i32(in + 2) : 0;
    return isoband_ok();
}

/* The status a band answers a command it could not decode with. */
static inline uint8_t isoband_status_for(isoband_error error) {
    switch (error) {
    case ISOBAND_OK: return ISOBAND_STATUS_OK;
    case ISOBAND_ERR_UNKNOWN_CODE: return ISOBAND_STATUS_UNKNOWN_OPCODE;
    case ISOBAND_ERR_BAD_VALUE: return ISOBAND_STATUS_BAD_VALUE;
    default: return ISOBAND_STATUS_BAD_LENGTH;
    }
}

static inline size_t isoband_response_payload_size(uint8_t opcode, uint8_t status) {
    if (status != ISOBAND_STATUS_OK) {
        return 0;
    }
    switch (opcode) {
    case ISOBAND_OP_SET_RATE: return 2;
    case ISOBAND_OP_GET_STATUS: return 4;
    default: return 0;
    }
}

/* Encodes any opcode byte, known or not, so that a band can answer UNKNOWN_OPCODE by echoing what it got. */
static inline size_t isoband_encode_response(const isoband_response *response, uint8_t *out, size_t capacity) {
    size_t size;
    if ((response->opcode & ISOBAND_RESPONSE_BIT) != 0 || response->status > ISOBAND_STATUS_LAST) {
        return 0;
    }
    size = ISOBAND_RESPONSE_HEADER_SIZE + isoband_response_payload_size(response->opcode, response->status);
    if (capacity < size) {
        return 0;
    }
    out[0] = (uint8_t)(response->opcode | ISOBAND_RESPONSE_BIT);
    out[1] = response->token;
    out[2] = response->status;
    if (response->status == ISOBAND_STATUS_OK && response->opcode == ISOBAND_OP_SET_RATE) {
        isoband_put_u16(out + 3, response->rate_hz);
    } else if (response->status == ISOBAND_STATUS_OK && response->opcode == ISOBAND_OP_GET_STATUS) {
        out[3] = response->protocol_version;
        out[4] = response->state_flags;
        isoband_put_u16(out + 5, response->rate_hz);
    }
    return size;
}

static inline isoband_result isoband_decode_response(const uint8_t *in, size_t length, isoband_response *response) {
    size_t expected;
    uint8_t opcode;
    if (length < 1) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    opcode = (uint8_t)(in[0] & (uint8_t)~ISOBAND_RESPONSE_BIT);
    if ((in[0] & ISOBAND_RESPONSE_BIT) == 0 || !isoband_opcode_known(opcode)) {
        return isoband_fail(ISOBAND_ERR_UNKNOWN_CODE, 0);
    }
    if (length < ISOBAND_RESPONSE_HEADER_SIZE) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (in[2] > ISOBAND_STATUS_LAST) {
        return isoband_fail(ISOBAND_ERR_BAD_VALUE, 2);
    }
    expected = ISOBAND_RESPONSE_HEADER_SIZE + isoband_response_payload_size(opcode, in[2]);
    if (length < expected) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (length > expected) {
        return isoband_fail(ISOBAND_ERR_LENGTH_MISMATCH, expected);
    }
    response->opcode = opcode;
    response->token = in[1];
    response->status = in[2];
    response->rate_hz = 0;
    response->protocol_version = 0;
    response->state_flags = 0;
    if (in[2] == ISOBAND_STATUS_OK && opcode == ISOBAND_OP_SET_RATE) {
        response->rate_hz = isoband_get_u16(in + 3);
    } else if (in[2] == ISOBAND_STATUS_OK && opcode == ISOBAND_OP_GET_STATUS) {
        response->protocol_version = in[3];
        response->state_flags = in[4];
        response->rate_hz = isoband_get_u16(in + 5);
    }
    return isoband_ok();
}

/* ---- SIG Force characteristic ---- */

static inline size_t isoband_encode_sig_force(int32_t millinewtons, uint8_t *out, size_t capacity) {
    if (capacity < ISOBAND_SIG_FORCE_SIZE) {
        return 0;
    }
    isoband_put_i32(out, millinewtons);
    return ISOBAND_SIG_FORCE_SIZE;
}

/* *known is 0 when the value is 0x7FFFFFFF ("value is not known"); *millinewtons is then left untouched. */
static inline isoband_result isoband_decode_sig_force(const uint8_t *in, size_t length, int32_t *millinewtons,
                                                      int *known) {
    int32_t value;
    if (length < ISOBAND_SIG_FORCE_SIZE) {
        return isoband_fail(ISOBAND_ERR_TOO_SHORT, length);
    }
    if (length > ISOBAND_SIG_FORCE_SIZE) {
        return isoband_fail(ISOBAND_ERR_LENGTH_MISMATCH, ISOBAND_SIG_FORCE_SIZE);
    }
    value = isoband_get_i32(in);
    *known = value != ISOBAND_SIG_FORCE_UNKNOWN;
    if (*known) {
        *millinewtons = value;
    }
    return isoband_ok();
}

#endif /* ISOBAND_CODEC_H */
