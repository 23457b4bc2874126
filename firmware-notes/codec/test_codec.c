/*
 * Host unit tests of isoband_codec.h. Expected bytes are written out by hand from gatt-profile.md, never
 * produced by the encoder under test, so an encoder bug cannot hide behind a matching decoder bug.
 *
 * Build and run: make -C firmware-notes test
 */
#include <stdio.h>
#include <string.h>

#include "isoband_codec.h"

static int passed;
static int failed;

/* Counts instead of aborting, so one run reports every broken expectation. */
#define CHECK(condition)                                                                                      \
    do {                                                                                                      \
        if (condition) {                                                                                      \
            passed++;                                                                                         \
        } else {                                                                                              \
            failed++;                                                                                         \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);                   \
        }                                                                                                     \
    } while (0)

#define CHECK_BYTES(actual, actual_size, ...)                                                                 \
    do {                                                                                                      \
        static const uint8_t expected_[] = {__VA_ARGS__};                                                     \
        CHECK((actual_size) == sizeof expected_ && memcmp((actual), expected_, sizeof expected_) == 0);       \
    } while (0)

#define CHECK_ERROR(result, expected_error, expected_offset)                                                  \
    do {                                                                                                      \
        isoband_result r_ = (result);                                                                         \
        CHECK(r_.error == (expected_error));                                                                  \
        CHECK(r_.offset == (size_t)(expected_offset));                                                        \
    } while (0)

static void frame_encodes_header_and_samples_little_endian(void) {
    isoband_frame frame;
    uint8_t out[ISOBAND_MAX_FRAME_SIZE];
    size_t size;
    memset(&frame, 0, sizeof frame);
    frame.flags = ISOBAND_FLAG_STREAM_START;
    frame.sequence = 0x0102;
    frame.count = 2;
    frame.samples[0].millinewtons = 123456; /* 0x0001E240 */
    frame.samples[0].sensor_micros = 1000;  /* 0x000003E8 */
    frame.samples[1].millinewtons = -1;
    frame.samples[1].sensor_micros = 0xFFFFFFFFu;
    size = isoband_encode_frame(&frame, out, sizeof out);
    CHECK_BYTES(out, size,
                0x01, 0x01, 0x02, 0x01, 0x02,
                0x40, 0xE2, 0x01, 0x00, 0xE8, 0x03, 0x00, 0x00,
                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
}

static void frame_round_trips_extreme_values(void) {
    isoband_frame frame;
    isoband_frame decoded;
    uint8_t out[ISOBAND_MAX_FRAME_SIZE];
    size_t size;
    uint8_t i;
    memset(&frame, 0, sizeof frame);
    frame.sequence = 0xFFFF;
    frame.count = ISOBAND_MAX_SAMPLES;
    for (i = 0; i < frame.count; i++) {
        frame.samples[i].millinewtons = (i % 2) ? ISOBAND_MILLINEWTONS_MAX : ISOBAND_MILLINEWTONS_MIN;
        frame.samples[i].sensor_micros = 0xFFFFFFF0u + i;
    }
    size = isoband_encode_frame(&frame, out, sizeof out);
    CHECK(size == ISOBAND_MAX_FRAME_SIZE);
    CHECK(isoband_decode_frame(out, size, &decoded).error == ISOBAND_OK);
    CHECK(decoded.version == ISOBAND_PROTOCOL_VERSION);
    CHECK(decoded.sequence == 0xFFFF);
    CHECK(decoded.count == ISOBAND_MAX_SAMPLES);
    CHECK(decoded.samples[0].millinewtons == -2147483646);
    CHECK(decoded.samples[1].millinewtons == 2147483646);
    CHECK(decoded.samples[15].sensor_micros == 0xFFFFFFFFu);
}

static void frame_decode_keeps_reserved_flags(void) {
    static const uint8_t in[] = {0x01, 0xFE, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00};
    isoband_frame frame;
    CHECK(isoband_decode_frame(in, sizeof in, &frame).error == ISOBAND_OK);
    CHECK(frame.flags == 0xFE);
    CHECK(frame.samples[0].millinewtons == INT32_MIN);
}

static void frame_encode_refuses_bad_counts_and_small_buffers(void) {
    isoband_frame frame;
    uint8_t out[ISOBAND_MAX_FRAME_SIZE];
    memset(&frame, 0, sizeof frame);
    frame.count = 0;
    CHECK(isoband_encode_frame(&frame, out, sizeof out) == 0);
    frame.count = ISOBAND_MAX_SAMPLES + 1;
    CHECK(isoband_encode_frame(&frame, out, sizeof out) == 0);
    frame.count = 1;
    CHECK(isoband_encode_frame(&frame, out, 12) == 0);
    CHECK(isoband_encode_frame(&frame, out, 13) == 13);
}

static void frame_decode_reports_what_and_where(void) {
    static const uint8_t v2[] = {0x02};
    static const uint8_t header_only[] = {0x01, 0x00, 0x00};
    static const uint8_t no_samples[] = {0x01, 0x00, 0x00, 0x00, 0x00};
    static const uint8_t too_many[] = {0x01, 0x00, 0x00, 0x00, 0x11};
    static const uint8_t truncated[] = {0x01, 0x00, 0x00, 0x00, 0x02, 1, 2, 3, 4, 5, 6, 7, 8};
    static const uint8_t trailing[] = {0x01, 0x00, 0x00, 0x00, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    isoband_frame frame;
    CHECK_ERROR(isoband_decode_frame(v2, 0, &frame), ISOBAND_ERR_TOO_SHORT, 0);
    CHECK_ERROR(isoband_decode_frame(v2, sizeof v2, &frame), ISOBAND_ERR_UNSUPPORTED_VERSION, 0);
    CHECK_ERROR(isoband_decode_frame(header_only, sizeof header_only, &frame), ISOBAND_ERR_TOO_SHORT, 3);
    CHECK_ERROR(isoband_decode_frame(no_samples, sizeof no_samples, &frame), ISOBAND_ERR_BAD_VALUE, 4);
    CHECK_ERROR(isoband_decode_frame(too_many, sizeof too_many, &frame), ISOBAND_ERR_BAD_VALUE, 4);
    CHECK_ERROR(isoband_decode_frame(truncated, sizeof truncated, &frame), ISOBAND_ERR_LENGTH_MISMATCH, 4);
    CHECK_ERROR(isoband_decode_frame(trailing, sizeof trailing, &frame), ISOBAND_ERR_LENGTH_MISMATCH, 4);
}

static void commands_encode_opcode_token_and_parameters(void) {
    isoband_command command;
    uint8_t out[ISOBAND_MAX_COMMAND_SIZE];
    size_t size;
    memset(&command, 0, sizeof command);
    command.opcode = ISOBAND_OP_START;
    command.token = 7;
    size = isoband_encode_command(&command, out, sizeof out);
    CHECK_BYTES(out, size, 0x01, 0x07);
    command.opcode = ISOBAND_OP_SET_RATE;
    command.rate_hz = 80;
    size = isoband_encode_command(&command, out, sizeof out);
    CHECK_BYTES(out, size, 0x04, 0x07, 0x50, 0x00);
    command.opcode = ISOBAND_OP_CALIBRATE;
    command.known_millinewtons = 98067; /* 10 kg x 9.80665 m/s^2 */
    size = isoband_encode_command(&command, out, sizeof out);
    CHECK_BYTES(out, size, 0x05, 0x07, 0x13, 0x7F, 0x01, 0x00);
    command.opcode = 0x07;
    CHECK(isoband_encode_command(&command, out, sizeof out) == 0);
    command.opcode = ISOBAND_OP_CALIBRATE;
    CHECK(isoband_encode_command(&command, out, 5) == 0);
}

static void commands_decode_and_report_errors(void) {
    static const uint8_t calibrate[] = {0x05, 0x09, 0x13, 0x7F, 0x01, 0x00};
    static const uint8_t unknown[] = {0x07, 0x01};
    static const uint8_t response_not_command[] = {0x81, 0x01};
    static const uint8_t short_rate[] = {0x04, 0x01, 0x50};
    static const uint8_t long_start[] = {0x01, 0x01, 0x00};
    isoband_command command;
    CHECK(isoband_decode_command(calibrate, sizeof calibrate, &command).error == ISOBAND_OK);
    CHECK(command.opcode == ISOBAND_OP_CALIBRATE && command.token == 9);
    CHECK(command.known_millinewtons == 98067);
    CHECK_ERROR(isoband_decode_command(calibrate, 0, &command), ISOBAND_ERR_TOO_SHORT, 0);
    CHECK_ERROR(isoband_decode_command(calibrate, 1, &command), ISOBAND_ERR_TOO_SHORT, 1);
    CHECK_ERROR(isoband_decode_command(unknown, sizeof unknown, &command), ISOBAND_ERR_UNKNOWN_CODE, 0);
    CHECK_ERROR(isoband_decode_command(response_not_command, 2, &command), ISOBAND_ERR_UNKNOWN_CODE, 0);
    CHECK_ERROR(isoband_decode_command(short_rate, sizeof short_rate, &command), ISOBAND_ERR_TOO_SHORT, 3);
    CHECK_ERROR(isoband_decode_command(long_start, sizeof long_start, &command), ISOBAND_ERR_LENGTH_MISMATCH, 2);
}

static void decode_errors_map_to_response_statuses(void) {
    CHECK(isoband_status_for(ISOBAND_OK) == ISOBAND_STATUS_OK);
    CHECK(isoband_status_for(ISOBAND_ERR_UNKNOWN_CODE) == ISOBAND_STATUS_UNKNOWN_OPCODE);
    CHECK(isoband_status_for(ISOBAND_ERR_TOO_SHORT) == ISOBAND_STATUS_BAD_LENGTH);
    CHECK(isoband_status_for(ISOBAND_ERR_LENGTH_MISMATCH) == ISOBAND_STATUS_BAD_LENGTH);
}

static void responses_encode_payload_only_on_success(void) {
    isoband_response response;
    uint8_t out[ISOBAND_MAX_RESPONSE_SIZE];
    size_t size;
    memset(&response, 0, sizeof response);
    response.opcode = ISOBAND_OP_GET_STATUS;
    response.token = 0x2A;
    response.status = ISOBAND_STATUS_OK;
    response.protocol_version = 1;
    response.state_flags = ISOBAND_STATE_STREAMING | ISOBAND_STATE_CALIBRATED;
    response.rate_hz = 80;
    size = isoband_encode_response(&response, out, sizeof out);
    CHECK_BYTES(out, size, 0x86, 0x2A, 0x00, 0x01, 0x03, 0x50, 0x00);
    response.opcode = ISOBAND_OP_SET_RATE;
    response.status = ISOBAND_STATUS_BAD_VALUE;
    size = isoband_encode_response(&response, out, sizeof out);
    CHECK_BYTES(out, size, 0x84, 0x2A, 0x03);
    response.opcode = 0x09; /* an unknown opcode is echoed back */
    response.status = ISOBAND_STATUS_UNKNOWN_OPCODE;
    size = isoband_encode_response(&response, out, sizeof out);
    CHECK_BYTES(out, size, 0x89, 0x2A, 0x01);
    response.status = ISOBAND_STATUS_LAST + 1;
    CHECK(isoband_encode_response(&response, out, sizeof out) == 0);
}

static void responses_decode_and_report_errors(void) {
    static const uint8_t rate[] = {0x84, 0x03, 0x00, 0x28, 0x00};
    static const uint8_t command_byte[] = {0x04, 0x03, 0x00, 0x28, 0x00};
    static const uint8_t unknown[] = {0x87, 0x03, 0x00};
    static const uint8_t bad_status[] = {0x81, 0x03, 0x06};
    static const uint8_t short_status[] = {0x86, 0x03, 0x00, 0x01};
    static const uint8_t long_tare[] = {0x83, 0x03, 0x00, 0x00};
    static const uint8_t failed_tare[] = {0x83, 0x03, 0x05};
    isoband_response response;
    CHECK(isoband_decode_response(rate, sizeof rate, &response).error == ISOBAND_OK);
    CHECK(response.opcode == ISOBAND_OP_SET_RATE && response.token == 3 && response.rate_hz == 40);
    CHECK(isoband_decode_response(failed_tare, sizeof failed_tare, &response).error == ISOBAND_OK);
    CHECK(response.status == ISOBAND_STATUS_SENSOR_ERROR);
    CHECK_ERROR(isoband_decode_response(rate, 0, &response), ISOBAND_ERR_TOO_SHORT, 0);
    CHECK_ERROR(isoband_decode_response(rate, 2, &response), ISOBAND_ERR_TOO_SHORT, 2);
    CHECK_ERROR(isoband_decode_response(rate, 4, &response), ISOBAND_ERR_TOO_SHORT, 4);
    CHECK_ERROR(isoband_decode_response(command_byte, sizeof command_byte, &response), ISOBAND_ERR_UNKNOWN_CODE, 0);
    CHECK_ERROR(isoband_decode_response(unknown, sizeof unknown, &response), ISOBAND_ERR_UNKNOWN_CODE, 0);
    CHECK_ERROR(isoband_decode_response(bad_status, sizeof bad_status, &response), ISOBAND_ERR_BAD_VALUE, 2);
    CHECK_ERROR(isoband_decode_response(short_status, sizeof short_status, &response), ISOBAND_ERR_TOO_SHORT, 4);
    CHECK_ERROR(isoband_decode_response(long_tare, sizeof long_tare, &response), ISOBAND_ERR_LENGTH_MISMATCH, 3);
}

static void sig_force_is_sint32_millinewtons_with_unknown_marker(void) {
    static const uint8_t unknown[] = {0xFF, 0xFF, 0xFF, 0x7F};
    uint8_t out[ISOBAND_SIG_FORCE_SIZE];
    int32_t millinewtons = 42;
    int known = -1;
    size_t size = isoband_encode_sig_force(-12345, out, sizeof out);
    CHECK_BYTES(out, size, 0xC7, 0xCF, 0xFF, 0xFF);
    CHECK(isoband_decode_sig_force(out, size, &millinewtons, &known).error == ISOBAND_OK);
    CHECK(known == 1 && millinewtons == -12345);
    CHECK(isoband_decode_sig_force(unknown, sizeof unknown, &millinewtons, &known).error == ISOBAND_OK);
    CHECK(known == 0 && millinewtons == -12345);
    CHECK_ERROR(isoband_decode_sig_force(out, 3, &millinewtons, &known), ISOBAND_ERR_TOO_SHORT, 3);
    CHECK(isoband_encode_sig_force(1, out, 3) == 0);
}

static void sig_force_rejects_trailing_bytes(void) {
    static const uint8_t five[] = {0x01, 0x00, 0x00, 0x00, 0x00};
    int32_t millinewtons;
    int known;
    CHECK_ERROR(isoband_decode_sig_force(five, sizeof five, &millinewtons, &known), ISOBAND_ERR_LENGTH_MISMATCH, 4);
}

static void clamping_keeps_the_reserved_extremes_free(void) {
    int clipped = 0;
    CHECK(isoband_clamp_millinewtons(5000, &clipped) == 5000 && clipped == 0);
    CHECK(isoband_clamp_millinewtons(INT32_MAX, &clipped) == ISOBAND_MILLINEWTONS_MAX && clipped == 1);
    clipped = 0;
    CHECK(isoband_clamp_millinewtons(INT32_MIN, &clipped) == ISOBAND_MILLINEWTONS_MIN && clipped == 1);
    clipped = 0;
    CHECK(isoband_clamp_millinewtons(-((int64_t)1 << 40), &clipped) == ISOBAND_MILLINEWTONS_MIN && clipped == 1);
}

static void error_names_match_the_vector_files(void) {
    CHECK(strcmp(isoband_error_name(ISOBAND_ERR_TOO_SHORT), "too_short") == 0);
    CHECK(strcmp(isoband_error_name(ISOBAND_ERR_UNSUPPORTED_VERSION), "unsupported_version") == 0);
    CHECK(strcmp(isoband_error_name(ISOBAND_ERR_UNKNOWN_CODE), "unknown_code") == 0);
    CHECK(strcmp(isoband_error_name(ISOBAND_ERR_LENGTH_MISMATCH), "length_mismatch") == 0);
    CHECK(strcmp(isoband_error_name(ISOBAND_ERR_BAD_VALUE), "bad_value") == 0);
}

int main(void) {
    frame_encodes_header_and_samples_little_endian();
    frame_round_trips_extreme_values();
    frame_decode_keeps_reserved_flags();
    frame_encode_refuses_bad_counts_and_small_buffers();
    frame_decode_reports_what_and_where();
    commands_encode_opcode_token_and_parameters();
    commands_decode_and_report_errors();
    decode_errors_map_to_response_statuses();
    responses_encode_payload_only_on_success();
    responses_decode_and_report_errors();
    sig_force_is_sint32_millinewtons_with_unknown_marker();
    sig_force_rejects_trailing_bytes();
    clamping_keeps_the_reserved_extremes_free();
    error_names_match_the_vector_files();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
