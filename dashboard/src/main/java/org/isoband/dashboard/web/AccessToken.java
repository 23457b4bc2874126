package org.isoband.dashboard.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The optional shared secret of the API. A request shows it as {@code Authorization: Bearer TOKEN}, as
 * {@code X-Isoband-Token: TOKEN}, or as {@code ?token=TOKEN} (the browser's EventSource cannot set headers).
 * Compared in constant time, so that the time of a wrong guess says nothing about how much of it was right.
 */
public final class AccessToken {
    private final byte[] expected;

    /** @param token the secret, or null/empty for an open dashboard */
    public AccessToken(String token) {
        this.expected = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public boolean required() {
        return expected != null;
    }

    /** Whether a request that showed {@code authorization}, {@code header} and {@code query} (any may be null) may pass. */
    public boolean admits(String authorization, String header, String query) {
        if (expected == null) {
            return true;
        }
        String given = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        } else if (header != null) {
            given = header.trim();
        } else if (query != null) {
            given = query;
        }
        if (given == null) {
            return false;
        }
        // MessageDigest.isEqual takes the same time for any two arrays of the same length; only the length leaks.
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
    }
}
