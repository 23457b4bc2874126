package org.isoband.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isoband.dashboard.testing.Reps.held;
import static org.isoband.dashboard.testing.Reps.rep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.isoband.core.detect.Verdict;
import org.isoband.core.message.RepMessage;
import org.isoband.dashboard.Dashboard;
import org.isoband.dashboard.DashboardSettings;
import org.isoband.dashboard.RunningDashboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of a dashboard on a real SQLite file, fed through its ingest (no broker needed here). */
class WebServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.now();

    @TempDir
    Path dir;
    RunningDashboard dashboard;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private RunningDashboard start(String token) {
        dashboard = Dashboard.start(DashboardSettings.defaults().withPort(0).withDatabase(dir.resolve("d.db").toString())
                .withToken(token).withZone(ZoneOffset.UTC));
        return dashboard;
    }

    private void publish(RepMessage r) {
        dashboard.ingest().accept("isoband/" + r.gateway() + "/" + r.band() + "/rep", r.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(dashboard.url() + pathAndQuery.substring(1)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    @Test
    void listens_on_the_loopback_address_by_default() {
        assertThat(DashboardSettings.defaults().bind()).isEqualTo("127.0.0.1");
        assertThat(start(null).url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void reps_as_a_json_array_filtered_by_band_leg_and_dates() throws Exception {
        start(null);
        RepMessage a = held("band1", "right", 0, 1, Instant.parse("2026-11-02T08:00:00Z"));
        RepMessage b = held("band1", "left", 0, 1, Instant.parse("2026-11-03T08:00:00Z"));
        RepMessage c = held("band2", "right", 1, 1, Instant.parse("2026-11-04T23:59:00Z"));
        List.of(c, b, a).forEach(this::publish);

        assertThat(ids(json("/api/reps"))).containsExactly(a.id(), b.id(), c.id());
        assertThat(ids(json("/api/reps?band=band1"))).containsExactly(a.id(), b.id());
        assertThat(ids(json("/api/reps?leg=right"))).containsExactly(a.id(), c.id());
        assertThat(ids(json("/api/reps?from=2026-11-03&to=2026-11-04"))).containsExactly(b.id(), c.id());
        assertThat(ids(json("/api/reps?to=2026-11-03T00:00:00Z"))).containsExactly(a.id());
        assertThat(ids(json("/api/reps?gateway=pi&band=band2&leg=right"))).containsExactly(c.id());

        JsonNode first = json("/api/reps").get(0);
        assertThat(first.get("gateway").asText()).isEqualTo("pi");
        assertThat(first.get("verdict").asText()).isEqualTo("HELD");
        assertThat(first.get("steady_s").asDouble()).isEqualTo(7.25);
        assertThat(first.get("start").asText()).isEqualTo("2026-11-02T08:00:00Z");
        assertThat(first.get("has_curve").asBoolean()).isFalse();
    }

    @Test
    void bad_filters_are_a_400_naming_the_parameter() throws Exception {
        start(null);
        for (String q : List.of("leg=middle", "from=yesterday", "band=%3Cscript%3E", "limit=-1", "from=2026-11-05&to=2026-11-01")) {
            HttpResponse<String> r = get("/api/reps?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isNotBlank();
        }
        assertThat(get("/api/history?weeks=1000").statusCode()).isEqualTo(400);
    }

    @Test
    void a_bind_address_that_is_no_address_is_named_as_such_not_as_a_port_in_use() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Dashboard.start(DashboardSettings.defaults().withBind("yes")
                        .withPort(0).withDatabase(dir.resolve("d.db").toString())))
                .hasMessageContaining("cannot listen on yes:0: 'yes' is not an address of this machine")
                .hasMessageNotContaining("already in use");
    }

    @Test
    void dates_far_outside_any_history_are_a_400_not_a_500() throws Exception {
        start(null);
        for (String q : List.of("/api/reps?from=-999999999-01-01T00:00:00Z", "/api/reps?to=%2B999999999-12-31T23:59:59Z",
                "/api/reps?from=-999999999-01-01", "/api/reps.csv?to=%2B999999999-12-31", "/api/history?to=-999999999-01-01",
                "/api/history?to=%2B999999999-12-31")) {
            HttpResponse<String> r = get(q);

            assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(q).startsWith(q.contains("from") ? "from must be" : "to must be");
        }
        assertThat(JSON.readTree(get("/api/history?to=-999999999-01-01").body()).get("error").asText())
                .isEqualTo("to must be between 1970-01-01 and 9999-12-31, got \"-999999999-01-01\"");
        assertThat(get("/api/history?to=2026-11-24").statusCode()).isEqualTo(200);
    }

    @Test
    void the_same_reps_as_csv() throws Exception {
        start(null);
        RepMessage a = held("band1", "right", 0, 1, Instant.parse("2026-11-02T08:00:00Z"));
        RepMessage b = rep("pi", "band2", "s1", null, null, 2, Instant.parse("2026-11-03T08:00:00Z"), 2.5, Verdict.SHORT, Double.NaN);
        publish(a);
        publish(b);

        HttpResponse<String> r = get("/api/reps.csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(RepsCsv.header(org.isoband.core.unit.ForceUnit.N));
        // angles numbered from 1, as the page and the Pi say them
        assertThat(lines[1]).startsWith(a.id() + ",pi,band1,s1,right,1,,1,,,,2026-11-02T08:00:00Z,2026-11-02T08:00:08.750Z,7.25,6,HELD,180,182,");
        assertThat(lines[2]).startsWith(b.id() + ",pi,band2,s1,,,,2,,,,").contains(",SHORT,,,").endsWith(",0,false,,,,,");
        assertThat(get("/api/reps.csv?band=band2").body().split("\r\n")).hasSize(2);
    }

    @Test
    void the_token_guards_the_api_and_the_events_but_not_the_page() throws Exception {
        start("s3cret-token");
        assertThat(get("/api/reps").statusCode()).isEqualTo(401);
        assertThat(get("/api/reps?token=wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/reps", "Authorization", "Bearer s3cret-tokem").statusCode()).isEqualTo(401);
        assertThat(get("/events").statusCode()).isEqualTo(401);
        assertThat(get("/api/reps.csv").statusCode()).isEqualTo(401);

        assertThat(get("/api/reps?token=s3cret-token").statusCode()).isEqualTo(200);
        assertThat(get("/api/reps", "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(200);
        assertThat(get("/api/reps", "X-Isoband-Token", "s3cret-token").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).doesNotContain("s3cret");
    }

    @Test
    void the_page_its_scripts_and_chart_library_are_served_with_a_strict_policy() throws Exception {
        start(null);
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>isoband dashboard</title>", "name=\"viewport\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebServer.CSP);
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/app.js").body()).doesNotContain("innerHTML", "insertAdjacentHTML", "outerHTML", "document.write");
        assertThat(get("/app.css").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/chartjs/4.4.3/dist/chart.umd.js").statusCode()).isEqualTo(200);
        assertThat(get("/api/reps").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void a_reps_curve_or_why_there_is_none() throws Exception {
        start(null);
        RepMessage r = held("band1", "right", 0, 1, NOW.minusSeconds(30));
        publish(r);

        HttpResponse<String> none = get("/api/reps/" + r.id() + "/curve");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("not stored");
        assertThat(get("/api/reps/no-such-id/curve").statusCode()).isEqualTo(404);
    }

    @Test
    void today_and_history_and_live() throws Exception {
        start(null);
        RepMessage today = held("band1", "right", 0, 1, NOW.minusSeconds(5));
        RepMessage lastWeek = held("band1", "left", 0, 1, NOW.minusSeconds(7 * 86400));
        publish(today);
        publish(lastWeek);

        JsonNode t = json("/api/today");
        assertThat(t.get("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(ids(t.get("reps"))).containsExactly(today.id());

        JsonNode h = json("/api/history?weeks=4&band=band1");
        assertThat(h.get("weeks")).as("from last week's first rep on, not the empty weeks before it").hasSize(2);
        assertThat(h.get("sessions_target").asInt()).isEqualTo(2);
        assertThat(h.get("totals").get("reps").asInt()).isEqualTo(2);
        assertThat(h.get("series").toString()).isEqualTo("[\"right:0\",\"left:0\"]");
        JsonNode thisWeek = h.get("weeks").get(1);
        assertThat(thisWeek.get("steady_s").get("right:0").asDouble()).isEqualTo(7.3);
        assertThat(thisWeek.get("held_pct").asDouble()).isEqualTo(100.0);

        assertThat(json("/api/bands").toString()).isEqualTo("[{\"gateway\":\"pi\",\"band\":\"band1\"}]");
        assertThat(json("/api/live").get("states")).isEmpty();
        assertThat(json("/api/stats").get("reps").asInt()).isEqualTo(2);
    }

    @Test
    void a_stored_rep_is_pushed_to_open_pages() throws Exception {
        start(null);
        HttpRequest request = HttpRequest.newBuilder(URI.create(dashboard.url() + "events")).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        RepMessage r = held("band1", "right", 0, 1, NOW);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                try {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                        if (line.startsWith("data:") && line.contains(r.id())) {
                            return;
                        }
                        if (line.equals("event: hello")) {
                            publish(r);
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            reading.get(10, TimeUnit.SECONDS);
        }
        assertThat(lines).contains("event: hello", "event: rep");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
