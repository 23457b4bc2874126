package org.isoband.gateway.display;

import java.net.URI;
import java.util.Optional;
import org.isoband.gateway.qr.QrCode;

/**
 * The home dashboard's address for a phone, as the Pi's screen shows it: the QR code holds the whole address,
 * access token included (without it the page can only answer "needs its access token", and nobody types 32 hex
 * digits into a phone), while the words on the screen are the address without the token, so that a glance at
 * the screen, or a photo of the trainer, does not carry the secret; the code is only drawn on its own page,
 * opened by a tap and closing by itself ({@link DashboardPage}).
 *
 * @param url     what the QR code holds: the address phones open, with {@code ?token=...} when the dashboard has one
 * @param address the address in words, without the token
 * @param code    the QR code of {@code url}
 */
public record DashboardLink(String url, String address, QrCode code) {

    /** @throws IllegalArgumentException when {@code url} is no http(s) address or too long for a QR code */
    public static DashboardLink of(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("not a dashboard address: " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new DashboardLink(url, uri.getScheme() + "://" + uri.getRawAuthority() + path, QrCode.of(url));
    }

    /** The link for {@code url}, when there is one. */
    public static Optional<DashboardLink> of(Optional<String> url) {
        return url.map(DashboardLink::of);
    }

    /** Whether the code carries an access token the words leave out. */
    public boolean tokenInCode() {
        return !url.equals(address);
    }
}
