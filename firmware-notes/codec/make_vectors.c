/*
 * Writes the byte-level test vectors into a directory (normally firmware-notes/vectors/):
 *
 *   isoband-stream.json             Force Stream notifications (isoband_codec.h)
 *   isoband-command.json            control point commands, as the gateway writes them
 *   isoband-response.json           control point responses, as the band indicates them
 *   isoband-sig-force.json          the SIG Force characteristic (0x2C07)
 *   progressor-data-point.json      Tindeq Progressor data point notifications (public format, see
 *                                   ../commercial-gauges.md)
 *   wh-c06-manufacturer-data.json   WH-C06 crane scale advertisements (public format, same document)
 *   force-board-force-data.json     PitchSix Force Board Force Data notifications (same document)
 *   cts500-frame.json               CTS500 notifications (same document)
 *
 * Each vector holds the bytes in hex and either the decoded fields or the error a decoder must report (its
 * reason and byte offset). The Java decoders in the device module test against the same files, so one byte
 * layout is checked from both sides. The isoband bytes come from the codec's encoders, and every vector is
 * decoded again here: a valid one must give back its fields, an invalid one its declared error, or this
 * program fails and writes nothing useful. `make test` regenerates the files and diffs them against the
 * committed ones, so they cannot drift from the codec.
 *
 * Usage: make_vectors OUTPUT_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isoband_codec.h"

/* The commercial gauges report kilograms-force; newtons = kg x standard gravity (CGPM 1901, exact). */
#define STANDARD_GRAVITY 9.80665

typedef struct {
    FILE *out;
    const char *path;
    int vectors;
} vector_file;

static void die(const char *what, const char *detail) {
    fprintf(stderr, "make_vectors: %s: %s\n", what, detail);
    exit(1);
}

/* Descriptions are plain ASCII prose; refusing quotes and backslashes keeps the JSON writer trivial. */
static void check_text(const char *text) {
    const char *c;
    for (c = text; *c; c++) {
        if (*c == '"' || *c == '\\' || *c < 0x20 || *c > 0x7E) {
            die("text needs JSON escaping, rephrase it", text);
        }
    }
}

static vector_file open_vectors(const char *dir, const char *file, const char *format, const char *description,
                                const char *source) {
    static char path[4096];
    vector_file vf;
    check_text(description);
    snprintf(path, sizeof path, "%s/%s", dir, file);
    vf.path = path;
    vf.vectors = 0;
    vf.out = fopen(path, "w");
    if (!vf.out) {
        die("cannot write", path);
    }
    fprintf(vf.out, "{\n");
    fprintf(vf.out, "  \"format\": \"%s\",\n", format);
    fprintf(vf.out, "  \"description\": \"%s\",\n", description);
    fprintf(vf.out, "  \"source\": \"%s\",\n", source);
    fprintf(vf.out, "  \"generated_by\": \"firmware-notes/codec/make_vectors.c\",\n");
    fprintf(vf.out, "  \"vectors\": [");
    return vf;
}

static void close_vectors(vector_file *vf) {
    fprintf(vf->out, "\n  ]\n}\n");
    if (fclose(vf->out) != 0) {
        die("cannot finish", vf->path);
    }
}

/* Starts a vector and leaves it open for "decoded" or "error". */
static void begin_vector(vector_file *vf, const char *name, const char *description, const uint8_t *bytes,
                         size_t size) {
    size_t i;
    check_text(name);
    check_text(description);
    fprintf(vf->out, "%s\n    {\n", vf->vectors++ ? "," : "");
    fprintf(vf->out, "      \"name\": \"%s\",\n", name);
    fprintf(vf->out, "      \"description\": \"%s\",\n", description);
    fprintf(vf->out, "      \"hex\": \"");
    for (i = 0; i < size; i++) {
        fprintf(vf->out, "%02x", bytes[i]);
    }
    fprintf(vf->out, "\",\n");
}

static void end_vector(vector_file *vf) {
    fprintf(vf->out, "\n    }");
}

static void write_error(vector_file *vf, const char *name, const char *description, const uint8_t *bytes,
                        size_t size, isoband_error reason, size_t offset) {
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"error\": {\"reason\": \"%s\", \"offset\": %u}", isoband_error_name(reason),
            (unsigned)offset);
    end_vector(vf);
}

/* Fails unless the codec's decoder reports exactly the declared error. */
static void expect_error(const char *name, isoband_result actual, isoband_error reason, size_t offset) {
    if (actual.error != reason || actual.offset != offset) {
        die("decoder disagrees with the declared error of vector", name);
    }
}

/* ---- isoband stream ---- */

static void write_frame(vector_file *vf, const char *name, const char *description, const isoband_frame *frame) {
    uint8_t bytes[ISOBAND_MAX_FRAME_SIZE];
    isoband_frame decoded;
    size_t size = isoband_encode_frame(frame, bytes, sizeof bytes);
    uint8_t i;
    if (size == 0) {
        die("cannot encode frame", name);
    }
    if (isoband_decode_frame(bytes, size, &decoded).error != ISOBAND_OK || decoded.count != frame->count ||
        decoded.sequence != frame->sequence || decoded.flags != frame->flags ||
        memcmp(decoded.samples, frame->samples, frame->count * sizeof frame->samples[0]) != 0) {
        die("frame does not round-trip", name);
    }
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\n");
    fprintf(vf->out, "        \"version\": %u,\n", decoded.version);
    fprintf(vf->out, "        \"flags\": %u,\n", decoded.flags);
    fprintf(vf->out, "        \"sequence\": %u,\n", decoded.sequence);
    fprintf(vf->out, "        \"samples\": [");
    for (i = 0; i < decoded.count; i++) {
        fprintf(vf->out, "%s\n          {\"millinewtons\": %ld, \"sensor_micros\": %lu}", i ? "," : "",
                (long)decoded.samples[i].millinewtons, (unsigned long)decoded.samples[i].sensor_micros);
    }
    fprintf(vf->out, "\n        ]\n      }");
    end_vector(vf);
}

static void write_frame_error(vector_file *vf, const char *name, const char *description, const uint8_t *bytes,
                              size_t size, isoband_error reason, size_t offset) {
    isoband_frame ignored;
    expect_error(name, isoband_decode_frame(bytes, size, &ignored), reason, offset);
    write_error(vf, name, description, bytes, size, reason, offset);
}

static isoband_frame frame_of(uint8_t flags, uint16_t sequence) {
    isoband_frame frame;
    memset(&frame, 0, sizeof frame);
    frame.flags = flags;
    frame.sequence = sequence;
    return frame;
}

static void add_sample(isoband_frame *frame, int32_t millinewtons, uint32_t sensor_micros) {
    frame->samples[frame->count].millinewtons = millinewtons;
    frame->samples[frame->count].sensor_micros = sensor_micros;
    frame->count++;
}

static void write_stream_vectors(const char *dir) {
    static const uint8_t empty[1] = {0};
    static const uint8_t future_version[] = {0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                             0x00, 0x00};
    static const uint8_t truncated_header[] = {0x01, 0x00, 0x07};
    static const uint8_t zero_samples[] = {0x01, 0x00, 0x07, 0x00, 0x00};
    static const uint8_t seventeen[] = {0x01, 0x00, 0x07, 0x00, 0x11};
    static const uint8_t truncated_sample[] = {0x01, 0x00, 0x07, 0x00, 0x02, 0xa0, 0x86, 0x01, 0x00, 0x40, 0x42,
                                               0x0f, 0x00, 0xa8, 0x86, 0x01};
    static const uint8_t trailing_byte[] = {0x01, 0x00, 0x07, 0x00, 0x01, 0xa0, 0x86, 0x01, 0x00, 0x40, 0x42,
                                            0x0f, 0x00, 0x00};
    vector_file vf = open_vectors(dir, "isoband-stream.json", "isoband-stream",
                                  "Force Stream notifications: version, flags, uint16 sequence, sample count, then "
                                  "samples of int32 millinewtons and uint32 sensor microseconds, little-endian.",
                                  "firmware-notes/gatt-profile.md");
    isoband_frame frame;
    uint8_t i;

    frame = frame_of(ISOBAND_FLAG_STREAM_START, 0);
    add_sample(&frame, 35250, 1000000);
    write_frame(&vf, "first-frame-after-start",
                "One sample of rest tension (35.25 N); STREAM_START set and sequence restarted at 0.", &frame);

    frame = frame_of(0, 1);
    add_sample(&frame, 118750, 1012500);
    add_sample(&frame, 121500, 1025000);
    add_sample(&frame, 122125, 1037500);
    add_sample(&frame, 121875, 1050000);
    write_frame(&vf, "four-samples-at-80-hz",
                "The usual 80 Hz frame: four samples 12.5 ms apart, one notification every 50 ms.", &frame);

    frame = frame_of(0, 2);
    add_sample(&frame, -125, 2000000);
    add_sample(&frame, 0, 2100000);
    write_frame(&vf, "negative-after-tare",
                "A slightly negative and a zero reading right after a tare; force is signed.", &frame);

    frame = frame_of(0, 65535);
    add_sample(&frame, 250000, 3000000);
    write_frame(&vf, "sequence-at-wrap", "Sequence 65535; the next frame carries sequence 0.", &frame);

    frame = frame_of(0, 0);
    add_sample(&frame, 250100, 3012500);
    write_frame(&vf, "sequence-after-wrap",
                "Sequence 0 without STREAM_START: the counter wrapped, nothing was lost.", &frame);

    frame = frame_of(0, 40);
    add_sample(&frame, 98000, 4294960000u);
    add_sample(&frame, 98010, 5704);
    write_frame(&vf, "sensor-clock-wrap",
                "The 32-bit microsecond clock wraps between two samples 12.5 ms apart (2^32 us is about 71.6 min).",
                &frame);

    frame = frame_of(ISOBAND_FLAG_SATURATED, 41);
    add_sample(&frame, ISOBAND_MILLINEWTONS_MAX, 5000000);
    write_frame(&vf, "saturated", "SATURATED set: the value is clipped to the largest force a frame may carry.",
                &frame);

    frame = frame_of(0xF0, 42);
    add_sample(&frame, 50000, 6000000);
    write_frame(&vf, "reserved-flags",
                "Reserved flag bits set by some future firmware: a version 1 receiver ignores them.", &frame);

    frame = frame_of(0, 43);
    for (i = 0; i < ISOBAND_MAX_SAMPLES; i++) {
        add_sample(&frame, 150000 + 250 * i, 7000000u + 12500u * i);
    }
    write_frame(&vf, "sixteen-samples", "The largest frame: 16 samples, 133 bytes (needs an ATT MTU of 136).",
                &frame);

    write_frame_error(&vf, "empty", "No bytes at all.", empty, 0, ISOBAND_ERR_TOO_SHORT, 0);
    write_frame_error(&vf, "future-version",
                      "Protocol version 2: refused before anything else, its layout may differ.", future_version,
                      sizeof future_version, ISOBAND_ERR_UNSUPPORTED_VERSION, 0);
    write_frame_error(&vf, "truncated-header", "Three bytes of a five-byte header.", truncated_header,
                      sizeof truncated_header, ISOBAND_ERR_TOO_SHORT, 3);
    write_frame_error(&vf, "zero-samples", "A header announcing no samples.", zero_samples, sizeof zero_samples,
                      ISOBAND_ERR_BAD_VALUE, 4);
    write_frame_error(&vf, "seventeen-samples", "More samples than a frame may hold.", seventeen, sizeof seventeen,
                      ISOBAND_ERR_BAD_VALUE, 4);
    write_frame_error(&vf, "truncated-sample", "Two samples announced, one and a half present.", truncated_sample,
                      sizeof truncated_sample, ISOBAND_ERR_LENGTH_MISMATCH, 4);
    write_frame_error(&vf, "trailing-byte", "One sample announced, one extra byte after it.", trailing_byte,
                      sizeof trailing_byte, ISOBAND_ERR_LENGTH_MISMATCH, 4);
    close_vectors(&vf);
}

/* ---- isoband control point ---- */

static const char *opcode_name(uint8_t opcode) {
    switch (opcode) {
    case ISOBAND_OP_START: return "START";
    case ISOBAND_OP_STOP: return "STOP";
    case ISOBAND_OP_TARE: return "TARE";
    case ISOBAND_OP_SET_RATE: return "SET_RATE";
    case ISOBAND_OP_CALIBRATE: return "CALIBRATE";
    case ISOBAND_OP_GET_STATUS: return "GET_STATUS";
    }
    return "?";
}

static const char *status_name(uint8_t status) {
    switch (status) {
    case ISOBAND_STATUS_OK: return "OK";
    case ISOBAND_STATUS_UNKNOWN_OPCODE: return "UNKNOWN_OPCODE";
    case ISOBAND_STATUS_BAD_LENGTH: return "BAD_LENGTH";
    case ISOBAND_STATUS_BAD_VALUE: return "BAD_VALUE";
    case ISOBAND_STATUS_NOT_ALLOWED: return "NOT_ALLOWED";
    case ISOBAND_STATUS_SENSOR_ERROR: return "SENSOR_ERROR";
    }
    return "?";
}

static void write_command(vector_file *vf, const char *name, const char *description, uint8_t opcode,
                          uint8_t token, uint16_t rate_hz, int32_t known_millinewtons) {
    isoband_command command;
    isoband_command decoded;
    uint8_t bytes[ISOBAND_MAX_COMMAND_SIZE];
    size_t size;
    command.opcode = opcode;
    command.token = token;
    command.rate_hz = rate_hz;
    command.known_millinewtons = known_millinewtons;
    size = isoband_encode_command(&command, bytes, sizeof bytes);
    if (size == 0 || isoband_decode_command(bytes, size, &decoded).error != ISOBAND_OK ||
        decoded.opcode != opcode || decoded.token != token || decoded.rate_hz != rate_hz ||
        decoded.known_millinewtons != known_millinewtons) {
        die("command does not round-trip", name);
    }
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\"opcode\": \"%s\", \"token\": %u", opcode_name(opcode), token);
    if (opcode == ISOBAND_OP_SET_RATE) {
        fprintf(vf->out, ", \"rate_hz\": %u", rate_hz);
    } else if (opcode == ISOBAND_OP_CALIBRATE) {
        fprintf(vf->out, ", \"known_millinewtons\": %ld", (long)known_millinewtons);
    }
    fprintf(vf->out, "}");
    end_vector(vf);
}

static void write_command_vectors(const char *dir) {
    vector_file vf = open_vectors(dir, "isoband-command.json", "isoband-command",
                                  "Control Point commands as the gateway writes them (write with response): "
                                  "opcode, token, then the parameters, little-endian.",
                                  "firmware-notes/gatt-profile.md");
    write_command(&vf, "start", "Start streaming.", ISOBAND_OP_START, 1, 0, 0);
    write_command(&vf, "stop", "Stop streaming.", ISOBAND_OP_STOP, 2, 0, 0);
    write_command(&vf, "tare", "Zero the reading with the band unloaded.", ISOBAND_OP_TARE, 3, 0, 0);
    write_command(&vf, "set-rate-80", "80 samples per second.", ISOBAND_OP_SET_RATE, 4, 80, 0);
    write_command(&vf, "set-rate-10", "10 samples per second (averages of 8 conversions).", ISOBAND_OP_SET_RATE, 5,
                  10, 0);
    write_command(&vf, "calibrate-10-kg", "A 10 kg mass hangs from the sensor: 98.0665 N, sent as 98067 mN.",
                  ISOBAND_OP_CALIBRATE, 6, 0, 98067);
    write_command(&vf, "get-status", "Ask for protocol version, state and rate.", ISOBAND_OP_GET_STATUS, 255, 0, 0);
    close_vectors(&vf);
}

static void write_response(vector_file *vf, const char *name, const char *description, const isoband_response *r) {
    isoband_response decoded;
    uint8_t bytes[ISOBAND_MAX_RESPONSE_SIZE];
    size_t size = isoband_encode_response(r, bytes, sizeof bytes);
    if (size == 0 || isoband_decode_response(bytes, size, &decoded).error != ISOBAND_OK ||
        decoded.opcode != r->opcode || decoded.token != r->token || decoded.status != r->status ||
        decoded.rate_hz != r->rate_hz || decoded.protocol_version != r->protocol_version ||
        decoded.state_flags != r->state_flags) {
        die("response does not round-trip", name);
    }
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\"opcode\": \"%s\", \"token\": %u, \"status\": \"%s\"",
            opcode_name(r->opcode), r->token, status_name(r->status));
    if (r->status == ISOBAND_STATUS_OK && r->opcode == ISOBAND_OP_SET_RATE) {
        fprintf(vf->out, ", \"rate_hz\": %u", r->rate_hz);
    } else if (r->status == ISOBAND_STATUS_OK && r->opcode == ISOBAND_OP_GET_STATUS) {
        fprintf(vf->out, ", \"protocol_version\": %u, \"streaming\": %s, \"calibrated\": %s, \"rate_hz\": %u",
                r->protocol_version, (r->state_flags & ISOBAND_STATE_STREAMING) ? "true" : "false",
                (r->state_flags & ISOBAND_STATE_CALIBRATED) ? "true" : "false", r->rate_hz);
    }
    fprintf(vf->out, "}");
    end_vector(vf);
}

static isoband_response response_of(uint8_t opcode, uint8_t token, uint8_t status) {
    isoband_response response;
    memset(&response, 0, sizeof response);
    response.opcode = opcode;
    response.token = token;
    response.status = status;
    return response;
}

static void write_response_error(vector_file *vf, const char *name, const char *description,
                                 const uint8_t *bytes, size_t size, isoband_error reason, size_t offset) {
    isoband_response ignored;
    expect_error(name, isoband_decode_response(bytes, size, &ignored), reason, offset);
    write_error(vf, name, description, bytes, size, reason, offset);
}

static void write_response_vectors(const char *dir) {
    static const uint8_t no_response_bit[] = {0x03, 0x03, 0x00};
    static const uint8_t unknown_status[] = {0x83, 0x03, 0x06};
    static const uint8_t header_cut[] = {0x83, 0x03};
    static const uint8_t status_cut[] = {0x86, 0xff, 0x00, 0x01, 0x03};
    static const uint8_t tare_extra[] = {0x83, 0x03, 0x00, 0x00};
    vector_file vf = open_vectors(dir, "isoband-response.json", "isoband-response",
                                  "Control Point responses as the band indicates them: opcode | 0x80, token, "
                                  "status, then a payload on success for SET_RATE and GET_STATUS.",
                                  "firmware-notes/gatt-profile.md");
    isoband_response r;

    r = response_of(ISOBAND_OP_START, 1, ISOBAND_STATUS_OK);
    write_response(&vf, "start-ok", "Streaming started.", &r);
    r = response_of(ISOBAND_OP_STOP, 2, ISOBAND_STATUS_NOT_ALLOWED);
    write_response(&vf, "stop-not-streaming", "STOP while not streaming.", &r);
    r = response_of(ISOBAND_OP_TARE, 3, ISOBAND_STATUS_SENSOR_ERROR);
    write_response(&vf, "tare-sensor-error", "The ADC gave no conversion while taring.", &r);
    r = response_of(ISOBAND_OP_SET_RATE, 4, ISOBAND_STATUS_OK);
    r.rate_hz = 40;
    write_response(&vf, "set-rate-ok", "The rate now in effect is echoed: 40 Hz.", &r);
    r = response_of(ISOBAND_OP_SET_RATE, 5, ISOBAND_STATUS_BAD_VALUE);
    write_response(&vf, "set-rate-unsupported", "A rate the band does not offer; no payload on failure.", &r);
    r = response_of(ISOBAND_OP_CALIBRATE, 6, ISOBAND_STATUS_OK);
    write_response(&vf, "calibrate-ok", "Scale factor computed and stored.", &r);
    r = response_of(ISOBAND_OP_GET_STATUS, 255, ISOBAND_STATUS_OK);
    r.protocol_version = 1;
    r.state_flags = ISOBAND_STATE_STREAMING | ISOBAND_STATE_CALIBRATED;
    r.rate_hz = 80;
    write_response(&vf, "get-status-streaming", "Protocol 1, streaming, calibrated, 80 Hz.", &r);
    r = response_of(ISOBAND_OP_GET_STATUS, 7, ISOBAND_STATUS_OK);
    r.protocol_version = 1;
    r.rate_hz = 10;
    write_response(&vf, "get-status-idle-uncalibrated", "Protocol 1, not streaming, never calibrated, 10 Hz.",
                   &r);
    r = response_of(ISOBAND_OP_GET_STATUS, 8, ISOBAND_STATUS_UNKNOWN_OPCODE);
    write_response(&vf, "get-status-unknown-to-band", "What a firmware without GET_STATUS would answer.", &r);

    write_response_error(&vf, "command-byte", "The opcode lacks the response bit 0x80.", no_response_bit,
                         sizeof no_response_bit, ISOBAND_ERR_UNKNOWN_CODE, 0);
    write_response_error(&vf, "unknown-status", "Status 6 is not defined in version 1.", unknown_status,
                         sizeof unknown_status, ISOBAND_ERR_BAD_VALUE, 2);
    write_response_error(&vf, "header-cut", "Two bytes of a three-byte header.", header_cut, sizeof header_cut,
                         ISOBAND_ERR_TOO_SHORT, 2);
    write_response_error(&vf, "status-payload-cut", "GET_STATUS succeeded but two payload bytes are missing.",
                         status_cut, sizeof status_cut, ISOBAND_ERR_TOO_SHORT, 5);
    write_response_error(&vf, "tare-with-payload", "TARE carries no payload; one byte too many.", tare_extra,
                         sizeof tare_extra, ISOBAND_ERR_LENGTH_MISMATCH, 3);
    close_vectors(&vf);
}

/* ---- SIG Force characteristic ---- */

static void write_sig_force(vector_file *vf, const char *name, const char *description, int32_t millinewtons) {
    uint8_t bytes[ISOBAND_SIG_FORCE_SIZE];
    int32_t decoded = 0;
    int known = 0;
    size_t size = isoband_encode_sig_force(millinewtons, bytes, sizeof bytes);
    if (size == 0 || isoband_decode_sig_force(bytes, size, &decoded, &known).error != ISOBAND_OK) {
        die("SIG force does not round-trip", name);
    }
    begin_vector(vf, name, description, bytes, size);
    if (known) {
        fprintf(vf->out, "      \"decoded\": {\"known\": true, \"millinewtons\": %ld}", (long)decoded);
    } else {
        fprintf(vf->out, "      \"decoded\": {\"known\": false}");
    }
    end_vector(vf);
}

static void write_sig_force_vectors(const char *dir) {
    static const uint8_t three[] = {0x13, 0x7f, 0x01};
    static const uint8_t five[] = {0x13, 0x7f, 0x01, 0x00, 0x00};
    int32_t ignored_value;
    int ignored_known;
    vector_file vf = open_vectors(dir, "isoband-sig-force.json", "sig-force",
                                  "Bluetooth SIG Force characteristic 0x2C07: sint32 little-endian in 0.001 N; "
                                  "0x7FFFFFFF means value is not known.",
                                  "https://docs.embassy.dev/trouble-host/0.2.3/default/prelude/characteristic/"
                                  "constant.FORCE.html");
    write_sig_force(&vf, "zero", "No tension.", 0);
    write_sig_force(&vf, "ten-kilograms-force", "98.067 N, the weight of 10 kg.", 98067);
    write_sig_force(&vf, "negative", "-12.345 N, for example a sensor zeroed under load.", -12345);
    write_sig_force(&vf, "not-known", "0x7FFFFFFF: the band has no reading yet.", ISOBAND_SIG_FORCE_UNKNOWN);
    expect_error("three-bytes", isoband_decode_sig_force(three, sizeof three, &ignored_value, &ignored_known),
                 ISOBAND_ERR_TOO_SHORT, 3);
    write_error(&vf, "three-bytes", "One byte short of a sint32.", three, sizeof three, ISOBAND_ERR_TOO_SHORT, 3);
    expect_error("five-bytes", isoband_decode_sig_force(five, sizeof five, &ignored_value, &ignored_known),
                 ISOBAND_ERR_LENGTH_MISMATCH, 4);
    write_error(&vf, "five-bytes", "One byte past the sint32.", five, sizeof five, ISOBAND_ERR_LENGTH_MISMATCH, 4);
    close_vectors(&vf);
}

/* ---- Tindeq Progressor: [response code][payload length][payload], little-endian ---- */

#define PROGRESSOR_RES_CMD_RESPONSE 0
#define PROGRESSOR_RES_WEIGHT_MEAS 1
#define PROGRESSOR_RES_LOW_PWR_WARNING 4

typedef struct {
    float kilograms;
    uint32_t micros;
} progressor_weight;

static void put_float32(uint8_t *out, float value) {
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits); /* IEEE 754 binary32 on every host this runs on (checked in main) */
    isoband_put_u32(out, bits);
}

static void write_progressor_weights(vector_file *vf, const char *name, const char *description,
                                     const progressor_weight *weights, size_t count) {
    uint8_t bytes[2 + 8 * 15];
    size_t i;
    bytes[0] = PROGRESSOR_RES_WEIGHT_MEAS;
    bytes[1] = (uint8_t)(8 * count);
    for (i = 0; i < count; i++) {
        put_float32(bytes + 2 + 8 * i, weights[i].kilograms);
        isoband_put_u32(bytes + 6 + 8 * i, weights[i].micros);
    }
    begin_vector(vf, name, description, bytes, 2 + 8 * count);
    fprintf(vf->out, "      \"decoded\": {\n        \"code\": %d,\n        \"samples\": [",
            PROGRESSOR_RES_WEIGHT_MEAS);
    for (i = 0; i < count; i++) {
        fprintf(vf->out, "%s\n          {\"kilograms\": %.9g, \"micros\": %lu, \"newtons\": %.6f}", i ? "," : "",
                (double)weights[i].kilograms, (unsigned long)weights[i].micros,
                (double)weights[i].kilograms * STANDARD_GRAVITY);
    }
    fprintf(vf->out, "\n        ]\n      }");
    end_vector(vf);
}

static void write_progressor_other(vector_file *vf, const char *name, const char *description,
                                   const uint8_t *bytes, size_t size) {
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\"code\": %d, \"samples\": []}", bytes[0]);
    end_vector(vf);
}

/* A weight frame whose length byte and size disagree: the samples a tolerant reader takes from it. */
static void write_progressor_tolerated(vector_file *vf, const char *name, const char *description,
                                       const uint8_t *bytes, size_t size, const progressor_weight *weights,
                                       size_t count) {
    size_t i;
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\n        \"code\": %d,\n        \"samples\": [", bytes[0]);
    for (i = 0; i < count; i++) {
        fprintf(vf->out, "%s\n          {\"kilograms\": %.9g, \"micros\": %lu, \"newtons\": %.6f}", i ? "," : "",
                (double)weights[i].kilograms, (unsigned long)weights[i].micros,
                (double)weights[i].kilograms * STANDARD_GRAVITY);
    }
    fprintf(vf->out, "\n        ]\n      }");
    end_vector(vf);
}

static void write_progressor_battery(vector_file *vf, const char *name, const char *description, uint32_t millivolts) {
    uint8_t bytes[6];
    bytes[0] = PROGRESSOR_RES_CMD_RESPONSE;
    bytes[1] = 4;
    isoband_put_u32(bytes + 2, millivolts);
    begin_vector(vf, name, description, bytes, sizeof bytes);
    fprintf(vf->out, "      \"decoded\": {\"code\": 0, \"samples\": [], \"battery_millivolts\": %lu}",
            (unsigned long)millivolts);
    end_vector(vf);
}

static void write_progressor_vectors(const char *dir) {
    static const progressor_weight one[] = {{12.5f, 1000}};
    static const progressor_weight three[] = {{20.25f, 1012500}, {20.5f, 1025000}, {20.375f, 1037500}};
    static const progressor_weight after_tare[] = {{-0.25f, 0}, {0.0f, 12500}};
    static const uint8_t version[] = {PROGRESSOR_RES_CMD_RESPONSE, 5, '1', '.', '2', '.', '3'};
    static const uint8_t low_power[] = {PROGRESSOR_RES_LOW_PWR_WARNING, 0};
    static const uint8_t lone_code[] = {PROGRESSOR_RES_WEIGHT_MEAS};
    static const uint8_t unknown_code[] = {0x07, 0};
    static const uint8_t length_says_16[] = {PROGRESSOR_RES_WEIGHT_MEAS, 16, 0x00, 0x00, 0x48, 0x41, 0xe8, 0x03,
                                             0x00, 0x00};
    /* 30 kg at 2.5 s, then four bytes of padding up to a 14-byte struct, the length byte still 8. */
    static const uint8_t padded[] = {PROGRESSOR_RES_WEIGHT_MEAS, 8, 0x00, 0x00, 0xf0, 0x41, 0xa0, 0x25, 0x26, 0x00,
                                     0x00, 0x00, 0x00, 0x00};
    static const progressor_weight padded_weight[] = {{30.0f, 2500000}};
    /* A firmware's own answer, code 5, here a float32 factor of 1.0. */
    static const uint8_t vendor_code[] = {0x05, 4, 0x00, 0x00, 0x80, 0x3f};
    static const uint8_t partial_sample[] = {PROGRESSOR_RES_WEIGHT_MEAS, 6, 0x00, 0x00, 0x48, 0x41, 0xe8, 0x03};
    static const uint8_t no_weights[] = {PROGRESSOR_RES_WEIGHT_MEAS, 0};
    static const uint8_t not_a_number[] = {PROGRESSOR_RES_WEIGHT_MEAS, 8, 0x00, 0x00, 0xc0, 0x7f, 0xe8, 0x03,
                                           0x00, 0x00};
    vector_file vf = open_vectors(dir, "progressor-data-point.json", "progressor-data-point",
                                  "Tindeq Progressor data point notifications: response code, payload length, "
                                  "payload; weight payloads are float32 kilograms and uint32 microseconds since "
                                  "the measurement started, little-endian. Newtons = kilograms x 9.80665.",
                                  "https://github.com/blims/Tindeq-Progressor-API");
    write_progressor_weights(&vf, "weight-one-sample", "One weight of 12.5 kg at 1 ms.", one, 1);
    write_progressor_weights(&vf, "weight-three-samples", "Three weights 12.5 ms apart in one notification.",
                             three, 3);
    write_progressor_weights(&vf, "weight-after-tare", "A negative weight right after taring.", after_tare, 2);
    write_progressor_battery(&vf, "battery-voltage-response",
                             "Command response to GET_BATT_VLTG: uint32 millivolts (3987 mV), no force samples.",
                             3987);
    write_progressor_other(&vf, "app-version-response",
                           "Command response to GET_APP_VERSION: an ASCII string, no force samples.", version,
                           sizeof version);
    write_progressor_other(&vf, "low-power-warning", "Low battery warning: no payload, no force samples.",
                           low_power, sizeof low_power);
    write_error(&vf, "code-only", "The length byte is missing.", lone_code, sizeof lone_code, ISOBAND_ERR_TOO_SHORT,
                1);
    write_progressor_other(&vf, "unknown-code",
                           "Response code 7 is not in the public API: an answer meant for another client, skipped "
                           "without readings and without counting it malformed.", unknown_code, sizeof unknown_code);
    write_progressor_other(&vf, "firmware-own-code",
                           "Code 5, which a compatible firmware sends after its own calibration command: skipped.",
                           vendor_code, sizeof vendor_code);
    write_progressor_tolerated(&vf, "padded-to-struct-size",
                               "A compatible firmware notifying its whole 14-byte struct with length byte 8: the "
                               "sample is read, the padding ignored.", padded, sizeof padded, padded_weight, 1);
    write_progressor_tolerated(&vf, "length-disagrees",
                               "The length byte says 16, only 8 payload bytes follow: read by the bytes present, as "
                               "the official client reads, one sample.", length_says_16, sizeof length_says_16, one,
                               1);
    write_error(&vf, "partial-weight", "A weight payload that is not a whole number of 8-byte samples.",
                partial_sample, sizeof partial_sample, ISOBAND_ERR_BAD_VALUE, 1);
    write_error(&vf, "no-weights", "A weight frame without a single weight.", no_weights, sizeof no_weights,
                ISOBAND_ERR_BAD_VALUE, 1);
    write_error(&vf, "weight-not-a-number", "The float32 weight is NaN.", not_a_number, sizeof not_a_number,
                ISOBAND_ERR_BAD_VALUE, 2);
    close_vectors(&vf);
}

/* ---- WH-C06 crane scale: manufacturer data of company 0x0100, weight at bytes 10-11 ---- */

#define WH_C06_COMPANY_ID 0x0100
#define WH_C06_WEIGHT_OFFSET 10

#define WH_C06_UNIT_OFFSET 9
#define WH_C06_SECOND_UNIT_OFFSET 14
#define KILOGRAMS_PER_POUND 0.45359237

/*
 * The weight (unsigned, hundredths of the displayed unit) with the unit flags in bytes 9 and 14 (payloads of 15
 * bytes and more only); pounds only for 0xFF, 0x00.
 */
static void write_crane_scale_flagged(vector_file *vf, const char *name, const char *description, uint16_t raw,
                                      size_t size, uint8_t flag9, uint8_t flag14) {
    uint8_t bytes[20];
    int pounds;
    double kilograms;
    memset(bytes, 0, sizeof bytes);
    bytes[WH_C06_WEIGHT_OFFSET] = (uint8_t)(raw >> 8); /* big-endian, unlike everything else here */
    bytes[WH_C06_WEIGHT_OFFSET + 1] = (uint8_t)(raw & 0xFFu);
    bytes[WH_C06_UNIT_OFFSET] = flag9;
    if (size > WH_C06_SECOND_UNIT_OFFSET) {
        bytes[WH_C06_SECOND_UNIT_OFFSET] = flag14;
    }
    pounds = size > WH_C06_SECOND_UNIT_OFFSET && flag9 == 0xFF && flag14 == 0;
    kilograms = pounds ? raw / 100.0 * KILOGRAMS_PER_POUND : raw / 100.0;
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out,
            "      \"decoded\": {\"company_id\": %d, \"hundredths\": %u, \"unit\": \"%s\", "
            "\"kilograms\": %.8f, \"newtons\": %.6f}",
            WH_C06_COMPANY_ID, (unsigned)raw, pounds ? "lb" : "kg", kilograms, kilograms * STANDARD_GRAVITY);
    end_vector(vf);
}

static void write_crane_scale(vector_file *vf, const char *name, const char *description, uint16_t raw,
                              size_t size) {
    write_crane_scale_flagged(vf, name, description, raw, size, 0, 0);
}

static void write_crane_scale_vectors(const char *dir) {
    static const uint8_t eleven[11] = {0};
    vector_file vf = open_vectors(dir, "wh-c06-manufacturer-data.json", "wh-c06-manufacturer-data",
                                  "WH-C06 crane scale advertisement: the manufacturer-specific data of company "
                                  "0x0100 after the company identifier; bytes 10-11 hold the weight, big-endian, "
                                  "unsigned, in 0.01 of the displayed unit; from 15 bytes on, bytes 9 and 14 are "
                                  "the unit (1, 1 kg; 0xFF, 0 lb). Other bytes are zero here.",
                                  "https://github.com/Stevie-Ray/hangtime-grip-connect");
    write_crane_scale(&vf, "empty-hook", "Nothing on the hook.", 0, 12);
    write_crane_scale(&vf, "twelve-kilograms", "12.34 kg.", 1234, 12);
    write_crane_scale(&vf, "heavy", "250.00 kg, near the 300 kg capacity.", 25000, 12);
    write_crane_scale(&vf, "high-bit-unsigned",
                      "0xFFCE is 654.86 kg, read unsigned as the sources read it (see commercial-gauges.md).",
                      0xFFCE, 12);
    write_crane_scale(&vf, "longer-payload", "Bytes after the weight are ignored; flags 0, 0 are kilograms.", 500,
                      16);
    write_crane_scale_flagged(&vf, "unit-kilograms", "A 17-byte payload flagged kilograms (1, 1): 20.00 kg.", 2000,
                              17, 0x01, 0x01);
    write_crane_scale_flagged(&vf, "unit-pounds",
                              "A 17-byte payload flagged pounds (0xFF, 0): 100.00 lb, not 100 kg.", 10000, 17, 0xFF,
                              0x00);
    write_crane_scale_flagged(&vf, "unit-flags-disagree",
                              "Flags 0xFF, 1 are neither pattern: kilograms, as every source assumes.", 1500, 17,
                              0xFF, 0x01);
    write_crane_scale_flagged(&vf, "short-payload-no-unit",
                              "Under 15 bytes there is no byte 14: kilograms even with 0xFF in byte 9.", 1234, 14,
                              0xFF, 0x00);
    write_error(&vf, "eleven-bytes", "The payload ends before the weight's second byte.", eleven, sizeof eleven,
                ISOBAND_ERR_TOO_SHORT, 11);
    close_vectors(&vf);
}

/* ---- PitchSix Force Board: Force Data, a uint16 count then 3-byte samples in pounds ---- */

#define NEWTONS_PER_POUND (KILOGRAMS_PER_POUND * STANDARD_GRAVITY)

/* As Grip Connect reads a sample: b0 x 32768 + b1 x 256 + b2 pounds. */
static unsigned long force_board_pounds(const uint8_t *sample) {
    return (unsigned long)sample[0] * 32768ul + (unsigned long)sample[1] * 256ul + sample[2];
}

static void write_force_board(vector_file *vf, const char *name, const char *description, const uint8_t *bytes,
                              size_t size) {
    size_t count = (size_t)(bytes[0] << 8 | bytes[1]);
    size_t present = (size - 2) / 3 < count ? (size - 2) / 3 : count;
    size_t i;
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\n        \"count\": %u,\n        \"samples\": [", (unsigned)count);
    for (i = 0; i < present; i++) {
        unsigned long pounds = force_board_pounds(bytes + 2 + 3 * i);
        fprintf(vf->out, "%s\n          {\"pounds\": %lu, \"newtons\": %.6f}", i ? "," : "", pounds,
                pounds * NEWTONS_PER_POUND);
    }
    fprintf(vf->out, "\n        ]\n      }");
    end_vector(vf);
}

static void write_force_board_vectors(const char *dir) {
    static const uint8_t one[] = {0x00, 0x01, 0x00, 0x00, 0x64};
    static const uint8_t three[] = {0x00, 0x03, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x0b, 0x00, 0x01, 0x2c};
    static const uint8_t high_byte[] = {0x00, 0x01, 0x01, 0x00, 0x00};
    static const uint8_t count_beyond[] = {0x00, 0x02, 0x00, 0x00, 0x32};
    static const uint8_t none[] = {0x00, 0x00};
    static const uint8_t lone_byte[] = {0x00};
    static const uint8_t no_whole_sample[] = {0x00, 0x01, 0x00, 0x00};
    vector_file vf = open_vectors(dir, "force-board-force-data.json", "force-board-force-data",
                                  "PitchSix Force Board Force Data notifications: a big-endian uint16 sample count, "
                                  "then 3-byte samples in pounds-force read as b0 x 32768 + b1 x 256 + b2 (as Grip "
                                  "Connect reads them). Newtons = pounds x 0.45359237 x 9.80665.",
                                  "https://github.com/Stevie-Ray/hangtime-grip-connect");
    write_force_board(&vf, "one-sample", "One sample of 100 lb.", one, sizeof one);
    write_force_board(&vf, "three-samples", "Three samples in one notification: 10, 11 and 300 lb.", three,
                      sizeof three);
    write_force_board(&vf, "high-byte-weighs-32768",
                      "The first byte of a sample counts 32768, not 65536, in the reading this follows.", high_byte,
                      sizeof high_byte);
    write_force_board(&vf, "count-beyond-data", "The count says 2, one sample follows: that one is read.",
                      count_beyond, sizeof count_beyond);
    write_force_board(&vf, "no-samples", "A count of zero: no readings.", none, sizeof none);
    write_error(&vf, "count-cut", "One byte: the count is two.", lone_byte, sizeof lone_byte, ISOBAND_ERR_TOO_SHORT,
                1);
    write_error(&vf, "no-whole-sample", "One sample announced, two of its three bytes present.", no_whole_sample,
                sizeof no_whole_sample, ISOBAND_ERR_TOO_SHORT, 4);
    close_vectors(&vf);
}

/* ---- CTS500: serial frames over BLE, 0x05 header, additive checksum last ---- */

#define CTS500_HEADER 0x05

static uint8_t cts500_sum(const uint8_t *bytes, size_t count) {
    unsigned sum = 0;
    size_t i;
    for (i = 0; i < count; i++) {
        sum += bytes[i];
    }
    return (uint8_t)(sum & 0xFFu);
}

/* A 7-byte weight frame: 05, a status byte, big-endian uint32 hundredths of a kilogram, checksum. */
static void put_cts500_weight(uint8_t *out, uint8_t status, uint32_t hundredths) {
    out[0] = CTS500_HEADER;
    out[1] = status;
    out[2] = (uint8_t)(hundredths >> 24);
    out[3] = (uint8_t)(hundredths >> 16);
    out[4] = (uint8_t)(hundredths >> 8);
    out[5] = (uint8_t)hundredths;
    out[6] = cts500_sum(out, 6);
}

static void put_cts500_command(uint8_t *out, uint8_t opcode) {
    out[0] = CTS500_HEADER;
    out[1] = opcode;
    out[2] = out[3] = out[4] = 0;
    out[5] = cts500_sum(out, 5);
}

static void write_cts500(vector_file *vf, const char *name, const char *description, const uint8_t *bytes,
                         size_t size, const uint32_t *hundredths, size_t count) {
    size_t i;
    begin_vector(vf, name, description, bytes, size);
    fprintf(vf->out, "      \"decoded\": {\n        \"samples\": [");
    for (i = 0; i < count; i++) {
        fprintf(vf->out, "%s\n          {\"kilograms\": %.2f, \"newtons\": %.6f}", i ? "," : "", hundredths[i] / 100.0,
                hundredths[i] / 100.0 * STANDARD_GRAVITY);
    }
    fprintf(vf->out, "\n        ]\n      }");
    end_vector(vf);
}

/* An answer to the battery query (opcode 0xC4): 05 80 c4 00 v1 v0 sum, volts x 100 big-endian in bytes 4-5. */
static void write_cts500_battery(vector_file *vf, const char *name, const char *description, uint16_t centivolts) {
    uint8_t bytes[7];
    bytes[0] = CTS500_HEADER;
    bytes[1] = 0x80;
    bytes[2] = 0xC4;
    bytes[3] = 0x00;
    bytes[4] = (uint8_t)(centivolts >> 8);
    bytes[5] = (uint8_t)(centivolts & 0xFF);
    bytes[6] = cts500_sum(bytes, 6);
    begin_vector(vf, name, description, bytes, sizeof bytes);
    fprintf(vf->out, "      \"decoded\": {\n        \"samples\": [\n        ],\n        \"battery_millivolts\": %lu\n      }",
            (unsigned long)centivolts * 10);
    end_vector(vf);
}

static void write_cts500_vectors(const char *dir) {
    static const uint32_t twelve[] = {1234};
    static const uint32_t two[] = {2050, 2075};
    static const uint32_t after_echo[] = {990};
    uint8_t weight[7];
    uint8_t weights[14];
    uint8_t echo[6];
    uint8_t echo_then_weight[13];
    uint8_t bad_sum[7];
    uint8_t not_a_frame[7];
    vector_file vf = open_vectors(dir, "cts500-frame.json", "cts500-frame",
                                  "CTS500 notifications: frames of 0x05, payload, and an additive checksum; 6-byte "
                                  "command echoes, 7-byte weights (big-endian uint32 in 0.01 kg in bytes 2-5) and "
                                  "7-byte answers (0x80 in byte 1). Newtons = kilograms x 9.80665.",
                                  "https://github.com/Stevie-Ray/hangtime-grip-connect");
    put_cts500_weight(weight, 0x00, twelve[0]);
    write_cts500(&vf, "weight", "12.34 kg.", weight, sizeof weight, twelve, 1);
    put_cts500_weight(weights, 0x00, two[0]);
    put_cts500_weight(weights + 7, 0x00, two[1]);
    write_cts500(&vf, "two-weights", "Two weight frames in one notification.", weights, sizeof weights, two, 2);
    put_cts500_command(echo, 0xAA);
    write_cts500(&vf, "start-echo", "The echo of the start command (0xAA): no readings.", echo, sizeof echo, NULL, 0);
    put_cts500_command(echo_then_weight, 0xAA);
    put_cts500_weight(echo_then_weight + 6, 0x00, after_echo[0]);
    write_cts500(&vf, "echo-then-weight", "An echo, then the first weight, in one notification.", echo_then_weight,
                 sizeof echo_then_weight, after_echo, 1);
    write_cts500_battery(&vf, "battery-answer", "The answer to the battery query (4.10 V): no readings.", 410);
    write_cts500_battery(&vf, "battery-answer-3v55",
                         "The answer to the battery query with Grip Connect's example voltage, 3.55 V.", 355);
    put_cts500_weight(bad_sum, 0x00, 500);
    bad_sum[6] ^= 0x01;
    write_error(&vf, "bad-checksum", "The checksum is off by one.", bad_sum, sizeof bad_sum, ISOBAND_ERR_BAD_VALUE,
                6);
    put_cts500_weight(not_a_frame, 0x00, 500);
    not_a_frame[0] = 0x06;
    write_error(&vf, "not-a-frame", "The first byte is not 0x05.", not_a_frame, sizeof not_a_frame,
                ISOBAND_ERR_UNKNOWN_CODE, 0);
    write_error(&vf, "cut-short", "A weight frame cut after five bytes.", weight, 5, ISOBAND_ERR_TOO_SHORT, 5);
    close_vectors(&vf);
}

int main(int argc, char **argv) {
    float probe = 1.0f;
    uint32_t bits;
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    memcpy(&bits, &probe, sizeof bits);
    if (sizeof(float) != 4 || bits != 0x3F800000u) {
        die("host float", "not IEEE 754 binary32; cannot write the Progressor vectors");
    }
    write_stream_vectors(argv[1]);
    write_command_vectors(argv[1]);
    write_response_vectors(argv[1]);
    write_sig_force_vectors(argv[1]);
    write_progressor_vectors(argv[1]);
    write_crane_scale_vectors(argv[1]);
    write_force_board_vectors(argv[1]);
    write_cts500_vectors(argv[1]);
    return 0;
}
