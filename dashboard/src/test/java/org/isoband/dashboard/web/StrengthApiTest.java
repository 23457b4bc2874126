package org.isoband.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.isoband.core.message.MaxTestMessage;
import org.isoband.core.message.Origin;
import org.isoband.core.message.PlanPlace;
import org.isoband.core.message.RepMessage;
import org.isoband.core.message.ZoneFigures;
import org.isoband.core.unit.ForceDisplay;
import org.isoband.core.unit.ForceUnit;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.isoband.dashboard.testing.Reps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training log's API: sessions, one session, strength per position, the unit setting, the CSV's new fields. */
class StrengthApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant MONDAY = Instant.parse("2026-11-23T18:00:00Z");

    @TempDir
    Path dir;
    RunningDashboard dashboard;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private void start(ForceDisplay units) {
        dashboard = Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve("d.db").toString())
                .withZone(ZoneOffset.UTC).withUnits(units));
    }

    private void publish(String kind, String band, String json) {
        dashboard.ingest().accept("isoband/pi/" + band + "/" + kind, json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dashboard.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static RepMessage zoned(String session, String leg, int angle, int rep, Instant start, double meanN, double maxN) {
        RepMessage r = Reps.rep("pi", "band1", session, leg, angle, rep, start, 7, org.isoband.core.detect.Verdict.HELD, meanN - 30);
        return r.withPlace(new PlanPlace(angle == 0 ? "closest to the torso" : "high", rep, 5, 1))
                .withZone(new ZoneFigures(maxN, 60, 80, 6.5, 100 * meanN / maxN));
    }

    private static MaxTestMessage test(String session, String leg, int angle, Instant at, double maxN) {
        return MaxTestMessage.of(new Origin("pi", "band1", session, leg, angle), leg, angle, angle == 0 ? "closest to the torso" : "high",
                at, maxN, new double[] {maxN - 10, maxN});
    }

    @Test
    void theSettingsSayTheConfiguredUnitAndBodyWeight() throws Exception {
        start(new ForceDisplay(ForceUnit.KG, 70));
        JsonNode s = json("/api/settings");
        assertThat(s.get("unit").asText()).isEqualTo("kg");
        assertThat(s.get("newtons_per_unit").asDouble()).isEqualTo(9.80665);
        assertThat(s.get("body_weight_kg").asDouble()).isEqualTo(70);
    }

    @Test
    void sessionsAreListedNewestFirstAndOneSessionHasItsRepsByPlaceWithZonesAndItsMaximumTests() throws Exception {
        start(ForceDisplay.NEWTONS);
        publish("max_test", "band1", test("s1", "right", 0, MONDAY, 300).toJson());
        RepMessage first = zoned("s1", "right", 0, 1, MONDAY.plusSeconds(60), 210, 300);
        publish("rep", "band1", first.toJson());
        publish("rep", "band1", zoned("s1", "right", 0, 2, MONDAY.plusSeconds(90), 220, 300).toJson());
        publish("rep", "band1", zoned("s2", "right", 0, 1, MONDAY.plusSeconds(86_400), 225, 300).toJson());

        JsonNode list = json("/api/sessions?to=2026-11-30");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("session").asText()).isEqualTo("s2");
        assertThat(list.get(1).get("reps").asInt()).isEqualTo(2);
        assertThat(list.get(1).get("max_tests").asInt()).isEqualTo(1);
        assertThat(list.get(1).get("time_in_zone_s").asDouble()).isEqualTo(13.0);

        JsonNode s1 = json("/api/sessions/s1");
        assertThat(s1.get("reps")).hasSize(2);
        JsonNode rep = s1.get("reps").get(0);
        assertThat(rep.get("id").asText()).isEqualTo(first.id());
        assertThat(rep.get("angle_name").asText()).isEqualTo("closest to the torso");
        assertThat(rep.get("plan_rep").asInt()).isEqualTo(1);
        assertThat(rep.get("plan_reps").asInt()).isEqualTo(5);
        assertThat(rep.get("max_n").asDouble()).isEqualTo(300);
        assertThat(rep.get("zone_low_pct").asDouble()).isEqualTo(60);
        assertThat(rep.get("pct_of_max").asDouble()).isEqualTo(70);
        assertThat(rep.get("curve").isNull()).as("not seen live: no curve").isTrue();
        assertThat(s1.get("max_tests").get(0).get("max_n").asDouble()).isEqualTo(300);
        assertThat(get("/api/sessions/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/sessions?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void strengthPerPositionOverWeeksWithTheLeftRightAsymmetryOfTheNewestMaxima() throws Exception {
        start(ForceDisplay.NEWTONS);
        publish("max_test", "band1", test("s1", "right", 0, MONDAY.minusSeconds(7 * 86_400), 280).toJson());
        publish("max_test", "band1", test("s1", "right", 0, MONDAY, 300).toJson());
        publish("max_test", "band1", test("s1", "left", 0, MONDAY, 270).toJson());
        publish("rep", "band1", zoned("s1", "right", 0, 1, MONDAY.plusSeconds(60), 210, 300).toJson());
        publish("rep", "band1", zoned("s1", "left", 1, 1, MONDAY.plusSeconds(120), 150, 250).toJson());
        publish("rep", "band1", zoned("s1", "right", 1, 1, MONDAY.plusSeconds(180), 200, 250).toJson());

        JsonNode h = json("/api/strength?weeks=12&to=2026-11-29");
        // weeks before the first test are left out
        assertThat(h.get("weeks")).extracting(JsonNode::asText).containsExactly("2026-11-16", "2026-11-23");
        assertThat(h.get("series")).extracting(JsonNode::asText).containsExactly("right:0", "right:1", "left:0", "left:1");
        assertThat(h.get("max_n").get("right:0")).extracting(JsonNode::asDouble).containsExactly(280.0, 300.0);
        assertThat(h.get("hold_n").get("right:0").get(1).asDouble()).isEqualTo(210);
        assertThat(h.get("angle_names").get("1").asText()).isEqualTo("high");
        JsonNode a0 = h.get("asymmetry").get(0);
        assertThat(a0.get("angle_name").asText()).isEqualTo("closest to the torso");
        assertThat(a0.get("basis").asText()).isEqualTo("max_test");
        assertThat(a0.get("asymmetry_pct").asDouble()).isEqualTo(10.0);
        JsonNode a1 = h.get("asymmetry").get(1);
        assertThat(a1.get("basis").asText()).as("no maxima at angle 2: the held reps' tension").isEqualTo("hold");
        assertThat(a1.get("asymmetry_pct").asDouble()).isEqualTo(25.0);
    }

    @Test
    void theCsvHasTheNewFieldsInTheChosenUnit() throws Exception {
        start(new ForceDisplay(ForceUnit.KG, Double.NaN));
        RepMessage r = zoned("s1", "right", 0, 3, MONDAY, 196.133, 300);
        publish("rep", "band1", r.toJson());

        String[] kg = get("/api/reps.csv").body().split("\r\n");
        assertThat(kg[0]).isEqualTo(RepsCsv.header(ForceUnit.KG)).contains("mean_kg", "max_kg", "time_in_zone_s", "pct_of_max");
        assertThat(kg[1]).contains(",right,1,closest to the torso,3,3,5,1,").contains(",HELD,20,")
                .endsWith(",30.59,60,80,6.5,65.4");
        String[] lb = get("/api/reps.csv?unit=lb").body().split("\r\n");
        assertThat(lb[0]).contains("mean_lb");
        assertThat(lb[1]).contains(",HELD,44.09,");
        assertThat(get("/api/reps.csv?unit=stone").statusCode()).isEqualTo(400);
    }

    @Test
    void aRepOfAnOldGatewayIsStoredAndShownWithoutTheNewFields() throws Exception {
        start(ForceDisplay.NEWTONS);
        RepMessage old = Reps.held("band1", "right", 0, 1, MONDAY);
        ObjectNode v1 = (ObjectNode) JSON.readTree(old.toJson());
        v1.put("schema", 1);
        publish("rep", "band1", v1.toString());

        JsonNode rep = json("/api/reps").get(0);
        assertThat(rep.get("id").asText()).isEqualTo(old.id());
        assertThat(rep.get("max_n").isNull()).isTrue();
        assertThat(rep.get("angle_name").isNull()).isTrue();
        assertThat(dashboard.ingest().counts().malformed()).isZero();
    }

    @Test
    void aMaximumTestIsStoredOnceWhateverTheDeliveries() throws Exception {
        start(ForceDisplay.NEWTONS);
        MaxTestMessage t = test("s1", "right", 0, MONDAY, 300);
        publish("max_test", "band1", t.toJson());
        publish("max_test", "band1", t.toJson());
        publish("max_test", "band1", "{\"schema\":1}");

        assertThat(json("/api/strength?to=2026-11-29").get("max_tests")).hasSize(1);
        assertThat(dashboard.ingest().counts().duplicates()).isEqualTo(1);
        assertThat(dashboard.ingest().counts().malformed()).isEqualTo(1);
        assertThat(List.of(dashboard.ingest().maxTests())).containsExactly(1L);
    }
}
