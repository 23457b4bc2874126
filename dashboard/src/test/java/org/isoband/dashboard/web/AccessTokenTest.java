package org.isoband.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokenTest {
    @Test
    void no_token_admits_everyone() {
        AccessToken open = new AccessToken(null);
        assertThat(open.required()).isFalse();
        assertThat(open.admits(null, null, null)).isTrue();
        assertThat(new AccessToken("").required()).isFalse();
    }

    @Test
    void a_token_by_bearer_header_own_header_or_query() {
        AccessToken t = new AccessToken("abc");
        assertThat(t.admits("Bearer abc", null, null)).isTrue();
        assertThat(t.admits("bearer abc", null, null)).isTrue();
        assertThat(t.admits(null, "abc", null)).isTrue();
        assertThat(t.admits(null, null, "abc")).isTrue();
        assertThat(t.admits(null, null, null)).isFalse();
        assertThat(t.admits("Bearer abd", null, "abc")).as("a wrong header is not saved by the query").isFalse();
        assertThat(t.admits(null, null, "ab")).isFalse();
        assertThat(t.admits(null, null, "abcd")).isFalse();
        assertThat(t.admits("Basic abc", null, null)).isFalse();
    }
}
