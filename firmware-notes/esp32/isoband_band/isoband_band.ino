/*
 * isoband_band.ino - reference firmware of the isoband band sensor: a load cell and an HX711 on an ESP32,
 * speaking the GATT profile of ../../gatt-profile.md.
 *
 * Every byte on the air comes from isoband_codec.h, a copy of ../../codec/isoband_codec.h that
 * `make -C firmware-notes test` keeps identical; the codec is unit-tested on the host and its test vectors are
 * decoded by the gateway's Java tests. This sketch itself is NOT compiled in CI (there is no Arduino toolchain
 * there): build it yourself as the README says.
 *
 * Needs: the ESP32 Arduino core, NimBLE-Arduino 2.x (h2zero) and the "HX711 Arduino Library" (bogde).
 *
 * Structure: BLE callbacks run in the NimBLE host task and only queue what they received; loop() owns all state,
 * reads the ADC, runs commands and sends frames, so nothing here needs a lock.
 */
#include <Arduino.h>
#include <HX711.h>
#include <NimBLEDevice.h>
#include <Preferences.h>

#include "isoband_codec.h"

// The GAP Appearance characteristic lives in NimBLE's GAP service; its header sits deep in the library.
#if __has_include("nimble/nimble/host/services/gap/include/services/gap/ble_svc_gap.h")
#include "nimble/nimble/host/services/gap/include/services/gap/ble_svc_gap.h"
#define ISOBAND_SET_GAP_APPEARANCE 1
#endif

// ---- Hardware (see the README's wiring table) ----
static const uint8_t PIN_HX711_DOUT = 32;
static const uint8_t PIN_HX711_SCK = 33;
static const uint8_t PIN_BATTERY = 35; // Adafruit HUZZAH32: A13, half the cell voltage through a divider
// Conversions per second of the HX711: 80 with its RATE pin high, 10 with it low (the default of many boards).
static const uint16_t ADC_RATE_HZ = 80;

// Until CALIBRATE: a 100 kg, 2 mV/V cell at gain 128 gives 2^23 counts per (0.5 / 128) V/V of bridge signal,
// so 2^23 * 256 * 0.002 / 981 N = about 4378 counts per newton. Good enough to see movement, not to measure.
static const float DEFAULT_COUNTS_PER_NEWTON = 4378.0f;

// ---- Profile constants (gatt-profile.md) ----
static const char SERVICE_UUID[] = "4e490001-ce49-46b1-af24-819553dcb9fe";
static const char FORCE_STREAM_UUID[] = "4e490002-ce49-46b1-af24-819553dcb9fe";
static const char CONTROL_POINT_UUID[] = "4e490003-ce49-46b1-af24-819553dcb9fe";
static const uint16_t SIG_FORCE_UUID = 0x2C07;
static const uint16_t APPEARANCE_FORCE_GAUGE = 0x1486;
static const char MANUFACTURER[] = "isoband DIY";
static const char MODEL[] = "isoband-band-esp32-hx711";
static const char FIRMWARE_REVISION[] = "1.0.0";

static const uint8_t AVERAGED_CONVERSIONS = 16;      // for TARE and CALIBRATE
static const long MIN_CALIBRATION_COUNTS = 1000;     // less means a loose wire, not a load
static const uint32_t SIG_FORCE_PERIOD_MS = 100;     // 10 notifications a second: a display value
static const uint32_t BATTERY_PERIOD_MS = 60000;
static const long HX711_MAX = 8388607;                // the HX711 clips its output to 0x7FFFFF / 0x800000
static const long HX711_MIN = -8388608;

// ---- State shared with the BLE callbacks: only these, and only through the queue and volatile flags ----
struct WrittenCommand {
    uint8_t length;
    uint8_t bytes[8];
};
static QueueHandle_t commandQueue;
static volatile bool streamSubscribed = false;
static volatile bool sigForceSubscribed = false;
static volatile bool connected = false;
static volatile uint16_t peerMtu = 23; // the ATT default until the central exchanges a larger one

// ---- State owned by loop() ----
static HX711 adc;
static Preferences settings;
static NimBLECharacteristic *forceStream;
static NimBLECharacteristic *controlPoint;
static NimBLECharacteristic *sigForce;
static NimBLECharacteristic *batteryLevel;

static bool streaming = false;
static uint16_t rateHz = ADC_RATE_HZ;
static uint16_t sequence = 0;
static bool nextFrameStartsStream = false;
static isoband_frame pendingFrame;

static bool tared = false;
static long tareCounts = 0;
static bool calibrated = false;
static float countsPerNewton = DEFAULT_COUNTS_PER_NEWTON;

// Decimation: lower rates average ADC_RATE_HZ / rateHz conversions into one sample.
static int64_t decimationSum = 0;
static uint8_t decimationCount = 0;
static bool decimationClipped = false;

// TARE and CALIBRATE average conversions as they arrive, so the stream keeps flowing meanwhile.
struct Averaging {
    bool active;
    uint8_t opcode;
    uint8_t token;
    int32_t knownMillinewtons;
    int64_t sum;
    uint8_t count;
    uint32_t startedMs;
};
static Averaging averaging = {};

static int32_t latestMillinewtons = ISOBAND_SIG_FORCE_UNKNOWN;
static uint32_t lastSigForceMs = 0;
static uint32_t lastBatteryMs = 0;
static uint8_t lastBatteryPercent = 255;

// ---- BLE callbacks (NimBLE host task) ----

class ServerCallbacks : public NimBLEServerCallbacks {
    void onConnect(NimBLEServer *server, NimBLEConnInfo &info) override {
        connected = true;
        // 15-30 ms interval (units of 1.25 ms), no latency, 2 s supervision timeout (units of 10 ms): four 80 Hz
        // samples per frame then need at most one notification per connection event.
        server->updateConnParams(info.getConnHandle(), 12, 24, 0, 200);
    }

    void onDisconnect(NimBLEServer *, NimBLEConnInfo &, int) override {
        connected = false;
        streamSubscribed = false;
        sigForceSubscribed = false;
        peerMtu = 23;
        NimBLEDevice::startAdvertising();
    }

    void onMTUChange(uint16_t mtu, NimBLEConnInfo &) override {
        peerMtu = mtu;
    }
};

class ControlPointCallbacks : public NimBLECharacteristicCallbacks {
    void onWrite(NimBLECharacteristic *characteristic, NimBLEConnInfo &) override {
        const NimBLEAttValue &value = characteristic->getValue();
        WrittenCommand command = {};
        size_t length = value.size();
        // Longer than any command: keep enough to answer BAD_LENGTH with the right opcode and token.
        command.length = (uint8_t)(length > sizeof command.bytes ? sizeof command.bytes : length);
        memcpy(command.bytes, value.data(), command.length);
        // A full queue means the gateway ignores our responses; dropping the write makes it time out, as it should.
        xQueueSend(commandQueue, &command, 0);
    }
};

class SubscriptionCallbacks : public NimBLECharacteristicCallbacks {
    void onSubscribe(NimBLECharacteristic *characteristic, NimBLEConnInfo &, uint16_t subValue) override {
        bool notify = (subValue & 0x0001) != 0;
        if (characteristic == forceStream) {
            streamSubscribed = notify;
        } else if (characteristic == sigForce) {
            sigForceSubscribed = notify;
        }
    }
};

static ServerCallbacks serverCallbacks;
static ControlPointCallbacks controlPointCallbacks;
static SubscriptionCallbacks subscriptionCallbacks;

// ---- Stream ----

static uint8_t samplesPerFrame() {
    // At most 20 frames a second (gatt-profile.md), and never more than the negotiated MTU carries.
    unsigned samples = rateHz >= 40 ? rateHz / 20u : 1u;
    unsigned byMtu = (peerMtu - 3u - ISOBAND_FRAME_HEADER_SIZE) / ISOBAND_SAMPLE_SIZE;
    if (samples > byMtu) {
        samples = byMtu;
    }
    if (samples > ISOBAND_MAX_SAMPLES) {
        samples = ISOBAND_MAX_SAMPLES;
    }
    return samples < 1 ? 1 : (uint8_t)samples;
}

static void sendPendingFrame() {
    if (pendingFrame.count == 0) {
        return;
    }
    if (nextFrameStartsStream) {
        pendingFrame.flags |= ISOBAND_FLAG_STREAM_START;
        nextFrameStartsStream = false;
    }
    pendingFrame.sequence = sequence++;
    uint8_t bytes[ISOBAND_MAX_FRAME_SIZE];
    size_t size = isoband_encode_frame(&pendingFrame, bytes, sizeof bytes);
    // If the controller's buffers are full the notification is lost, but its sequence number is spent: that is
    // exactly how the gateway learns of the loss.
    if (size > 0 && streamSubscribed) {
        forceStream->notify(bytes, size);
    }
    pendingFrame.count = 0;
    pendingFrame.flags = 0;
}

static void addSample(long counts, uint32_t sensorMicros, bool clipped) {
    double newtons = (double)(counts - tareCounts) / countsPerNewton;
    int clamped = 0;
    int32_t millinewtons = isoband_clamp_millinewtons((int64_t)llround(newtons * 1000.0), &clamped);
    latestMillinewtons = millinewtons;
    if (!streaming) {
        return;
    }
    pendingFrame.samples[pendingFrame.count].millinewtons = millinewtons;
    pendingFrame.samples[pendingFrame.count].sensor_micros = sensorMicros;
    pendingFrame.count++;
    if (clipped || clamped) {
        pendingFrame.flags |= ISOBAND_FLAG_SATURATED;
    }
    if (pendingFrame.count >= samplesPerFrame()) {
        sendPendingFrame();
    }
}

static void resetDecimation() {
    decimationSum = 0;
    decimationCount = 0;
    decimationClipped = false;
}

// ---- Commands ----

static void respond(const isoband_response &response) {
    uint8_t bytes[ISOBAND_MAX_RESPONSE_SIZE];
    size_t size = isoband_encode_response(&response, bytes, sizeof bytes);
    if (size > 0) {
        controlPoint->indicate(bytes, size);
    }
}

static isoband_response responseTo(uint8_t opcode, uint8_t token, uint8_t status) {
    isoband_response response = {};
    response.opcode = (uint8_t)(opcode & ~ISOBAND_RESPONSE_BIT);
    response.token = token;
    response.status = status;
    return response;
}

static bool rateOffered(uint16_t hz) {
    return isoband_rate_supported(hz) && hz <= ADC_RATE_HZ && ADC_RATE_HZ % hz == 0;
}

static void startAveraging(const isoband_command &command) {
    averaging = {};
    averaging.active = true;
    averaging.opcode = command.opcode;
    averaging.token = command.token;
    averaging.knownMillinewtons = command.known_millinewtons;
    averaging.startedMs = millis();
}

static void runCommand(const WrittenCommand &written) {
    isoband_command command;
    isoband_result decoded = isoband_decode_command(written.bytes, written.length, &command);
    uint8_t opcode = written.length > 0 ? written.bytes[0] : 0;
    uint8_t token = written.length > 1 ? written.bytes[1] : 0;
    if (decoded.error != ISOBAND_OK) {
        respond(responseTo(opcode, token, isoband_status_for(decoded.error)));
        return;
    }
    isoband_response response = responseTo(command.opcode, command.token, ISOBAND_STATUS_OK);
    switch (command.opcode) {
    case ISOBAND_OP_START:
        pendingFrame.count = 0;
        pendingFrame.flags = 0;
        resetDecimation();
        sequence = 0;
        nextFrameStartsStream = true;
        streaming = true;
        break;
    case ISOBAND_OP_STOP:
        if (!streaming) {
            response.status = ISOBAND_STATUS_NOT_ALLOWED;
            break;
        }
        sendPendingFrame();
        streaming = false;
        break;
    case ISOBAND_OP_SET_RATE:
        if (!rateOffered(command.rate_hz)) {
            response.status = ISOBAND_STATUS_BAD_VALUE;
            break;
        }
        sendPendingFrame();
        resetDecimation();
        rateHz = command.rate_hz;
        response.rate_hz = rateHz;
        break;
    case ISOBAND_OP_TARE:
    case ISOBAND_OP_CALIBRATE:
        if (averaging.active || (command.opcode == ISOBAND_OP_CALIBRATE && !tared)) {
            response.status = ISOBAND_STATUS_NOT_ALLOWED;
            break;
        }
        if (command.opcode == ISOBAND_OP_CALIBRATE && command.known_millinewtons <= 0) {
            response.status = ISOBAND_STATUS_BAD_VALUE;
            break;
        }
        startAveraging(command);
        return; // answered when the conversions are in (finishAveraging) or time out
    case ISOBAND_OP_GET_STATUS:
        response.protocol_version = ISOBAND_PROTOCOL_VERSION;
        response.state_flags = (uint8_t)((streaming ? ISOBAND_STATE_STREAMING : 0) |
                                         (calibrated ? ISOBAND_STATE_CALIBRATED : 0));
        response.rate_hz = rateHz;
        break;
    }
    respond(response);
}

static void finishAveraging() {
    long average = (long)(averaging.sum / averaging.count);
    isoband_response response = responseTo(averaging.opcode, averaging.token, ISOBAND_STATUS_OK);
    averaging.active = false;
    if (averaging.opcode == ISOBAND_OP_TARE) {
        tareCounts = average;
        tared = true;
        settings.putLong("tare", tareCounts);
        settings.putBool("tared", true);
    } else {
        long delta = average - tareCounts;
        if (labs(delta) < MIN_CALIBRATION_COUNTS) {
            response.status = ISOBAND_STATUS_BAD_VALUE;
        } else {
            // A bridge wired with A+ and A- swapped gives a negative factor, and still positive newtons.
            countsPerNewton = (float)(delta / (averaging.knownMillinewtons / 1000.0));
            calibrated = true;
            settings.putFloat("cpn", countsPerNewton);
            settings.putBool("calibrated", true);
        }
    }
    respond(response);
}

static void checkAveragingTimeout() {
    uint32_t allowedMs = (uint32_t)AVERAGED_CONVERSIONS * 1000u / ADC_RATE_HZ + 1000u;
    if (averaging.active && millis() - averaging.startedMs > allowedMs) {
        averaging.active = false;
        respond(responseTo(averaging.opcode, averaging.token, ISOBAND_STATUS_SENSOR_ERROR));
    }
}

// ---- ADC ----

static void onConversion(long counts, uint32_t sensorMicros) {
    bool clipped = counts >= HX711_MAX || counts <= HX711_MIN;
    if (averaging.active) {
        averaging.sum += counts;
        if (++averaging.count == AVERAGED_CONVERSIONS) {
            finishAveraging();
        }
    }
    decimationSum += counts;
    decimationClipped = decimationClipped || clipped;
    if (++decimationCount < ADC_RATE_HZ / rateHz) {
        return;
    }
    // The sample's time is when its last conversion was read (gatt-profile.md, "Sensor time").
    addSample((long)(decimationSum / decimationCount), sensorMicros, decimationClipped);
    resetDecimation();
}

// ---- SIG Force and battery ----

static void updateSigForce() {
    if (millis() - lastSigForceMs < SIG_FORCE_PERIOD_MS) {
        return;
    }
    lastSigForceMs = millis();
    uint8_t bytes[ISOBAND_SIG_FORCE_SIZE];
    isoband_encode_sig_force(latestMillinewtons, bytes, sizeof bytes);
    sigForce->setValue(bytes, sizeof bytes);
    if (sigForceSubscribed) {
        sigForce->notify();
    }
}

static void updateBattery() {
    if (lastBatteryPercent != 255 && millis() - lastBatteryMs < BATTERY_PERIOD_MS) {
        return;
    }
    lastBatteryMs = millis();
    // Linear between 3.3 V (empty, the protection cuts off soon after) and 4.2 V (full): coarse, but honest
    // about being coarse. The divider halves the cell voltage.
    long millivolts = 2L * analogReadMilliVolts(PIN_BATTERY);
    long percent = constrain((millivolts - 3300L) * 100L / (4200L - 3300L), 0L, 100L);
    if (percent != lastBatteryPercent) {
        lastBatteryPercent = (uint8_t)percent;
        batteryLevel->setValue(&lastBatteryPercent, 1);
        if (connected) {
            batteryLevel->notify();
        }
    }
}

// ---- Setup ----

static void loadSettings() {
    settings.begin("isoband", false);
    tared = settings.getBool("tared", false);
    tareCounts = settings.getLong("tare", 0);
    calibrated = settings.getBool("calibrated", false);
    countsPerNewton = settings.getFloat("cpn", DEFAULT_COUNTS_PER_NEWTON);
}

static std::string bandName() {
    // The last two bytes of the chip's factory MAC tell two bands in one home apart.
    uint64_t mac = ESP.getEfuseMac();
    char name[16];
    snprintf(name, sizeof name, "isoband-%02X%02X", (unsigned)((mac >> 32) & 0xFF), (unsigned)((mac >> 40) & 0xFF));
    return std::string(name);
}

static void createServices(NimBLEServer *server) {
    NimBLEService *isoband = server->createService(SERVICE_UUID);
    forceStream = isoband->createCharacteristic(FORCE_STREAM_UUID, NIMBLE_PROPERTY::NOTIFY, ISOBAND_MAX_FRAME_SIZE);
    forceStream->setCallbacks(&subscriptionCallbacks);
    controlPoint = isoband->createCharacteristic(CONTROL_POINT_UUID, NIMBLE_PROPERTY::WRITE | NIMBLE_PROPERTY::INDICATE,
                                                 ISOBAND_MAX_RESPONSE_SIZE);
    controlPoint->setCallbacks(&controlPointCallbacks);
    sigForce = isoband->createCharacteristic(NimBLEUUID(SIG_FORCE_UUID), NIMBLE_PROPERTY::READ | NIMBLE_PROPERTY::NOTIFY,
                                             ISOBAND_SIG_FORCE_SIZE);
    sigForce->setCallbacks(&subscriptionCallbacks);
    uint8_t unknown[ISOBAND_SIG_FORCE_SIZE];
    isoband_encode_sig_force(ISOBAND_SIG_FORCE_UNKNOWN, unknown, sizeof unknown);
    sigForce->setValue(unknown, sizeof unknown);
    isoband->start();

    NimBLEService *battery = server->createService(NimBLEUUID((uint16_t)0x180F));
    batteryLevel = battery->createCharacteristic(NimBLEUUID((uint16_t)0x2A19),
                                                 NIMBLE_PROPERTY::READ | NIMBLE_PROPERTY::NOTIFY, 1);
    battery->start();

    NimBLEService *info = server->createService(NimBLEUUID((uint16_t)0x180A));
    info->createCharacteristic(NimBLEUUID((uint16_t)0x2A29), NIMBLE_PROPERTY::READ)->setValue(MANUFACTURER);
    info->createCharacteristic(NimBLEUUID((uint16_t)0x2A24), NIMBLE_PROPERTY::READ)->setValue(MODEL);
    info->createCharacteristic(NimBLEUUID((uint16_t)0x2A26), NIMBLE_PROPERTY::READ)->setValue(FIRMWARE_REVISION);
    info->start();
}

static void startAdvertising(const std::string &name) {
    // Flags, the 128-bit service UUID and the appearance fill 25 of the 31 bytes; the name goes in the scan
    // response (gatt-profile.md, "Advertising").
    NimBLEAdvertisementData advertisement;
    advertisement.setFlags(BLE_HS_ADV_F_DISC_GEN | BLE_HS_ADV_F_BREDR_UNSUP);
    advertisement.setCompleteServices(NimBLEUUID(SERVICE_UUID));
    advertisement.setAppearance(APPEARANCE_FORCE_GAUGE);
    NimBLEAdvertisementData scanResponse;
    scanResponse.setName(name);

    NimBLEAdvertising *advertising = NimBLEDevice::getAdvertising();
    advertising->setAdvertisementData(advertisement);
    advertising->setScanResponseData(scanResponse);
    advertising->enableScanResponse(true);
    advertising->setMinInterval(160); // 160 x 0.625 ms = 100 ms
    advertising->setMaxInterval(160);
    advertising->start();
}

void setup() {
    Serial.begin(115200);
    commandQueue = xQueueCreate(4, sizeof(WrittenCommand));
    loadSettings();
    adc.begin(PIN_HX711_DOUT, PIN_HX711_SCK, 128); // channel A, gain 128

    std::string name = bandName();
    NimBLEDevice::init(name);
    NimBLEDevice::setMTU(247);
#ifdef ISOBAND_SET_GAP_APPEARANCE
    ble_svc_gap_device_appearance_set(APPEARANCE_FORCE_GAUGE);
#endif
    NimBLEServer *server = NimBLEDevice::createServer();
    server->setCallbacks(&serverCallbacks);
    createServices(server);
    startAdvertising(name);
    Serial.printf("%s advertising; protocol %u, ADC %u SPS, %s\n", name.c_str(), (unsigned)ISOBAND_PROTOCOL_VERSION,
                  (unsigned)ADC_RATE_HZ, calibrated ? "calibrated" : "NOT calibrated");
}

void loop() {
    if (streaming && !connected) {
        // A lost link ends the stream (gatt-profile.md): the gateway sends START again after reconnecting.
        streaming = false;
        pendingFrame.count = 0;
        pendingFrame.flags = 0;
    }
    WrittenCommand written;
    if (xQueueReceive(commandQueue, &written, 0) == pdTRUE) {
        runCommand(written);
    }
    if (adc.is_ready()) {
        long counts = adc.read();
        onConversion(counts, (uint32_t)micros());
    } else {
        delay(1); // a conversion comes every 12.5 ms at most; leave the CPU to the BLE stack meanwhile
    }
    checkAveragingTimeout();
    updateSigForce();
    updateBattery();
}
