package org.isoband.dashboard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTest {
    @Test
    void reads_the_contracts_topics() {
        assertThat(Topic.parse("isoband", "isoband/pi/status")).isEqualTo(new Topic("pi", null, "status"));
        assertThat(Topic.parse("isoband", "isoband/pi-2/red_band/rep")).isEqualTo(new Topic("pi-2", "red_band", "rep"));
        assertThat(Topic.parse("isoband", "isoband/pi/b/force").shape()).isEqualTo(Topic.Shape.FORCE);
        assertThat(Topic.parse("home/isoband", "home/isoband/pi/b/state").shape()).isEqualTo(Topic.Shape.STATE);
        assertThat(Topic.parse("isoband", "isoband/pi/b/whatever").shape()).isEqualTo(Topic.Shape.UNKNOWN);
    }

    @Test
    void topics_with_unsanitized_names_or_another_depth_are_not_ours() {
        assertThat(Topic.parse("isoband", "isoband/PI/b/rep")).isNull();
        assertThat(Topic.parse("isoband", "isoband/p i/b/rep")).isNull();
        assertThat(Topic.parse("isoband", "isoband/pi//rep")).isNull();
        assertThat(Topic.parse("isoband", "isoband/pi/b/rep/x")).isNull();
        assertThat(Topic.parse("isoband", "isobandx/pi/b/rep")).isNull();
        assertThat(Topic.parse("isoband", "isoband/status")).isNull();
    }

    @Test
    void subscribes_to_each_kind_at_the_qos_it_is_published_at() {
        assertThat(Topic.filters("isoband")).containsExactly("isoband/+/status", "isoband/+/+/force", "isoband/+/+/state",
                "isoband/+/+/rep", "isoband/+/+/session", "isoband/+/+/max_test");
        assertThat(Topic.qos()).containsExactly(1, 0, 1, 1, 1, 1);
    }
}
