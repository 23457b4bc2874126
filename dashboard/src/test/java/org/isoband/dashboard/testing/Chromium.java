package org.isoband.dashboard.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are set explicitly, so Selenium
 * Manager never looks for (or downloads) a browser or a driver.
 */
public final class Chromium {
    private Chromium() {
    }

    /** A fresh browser with its own profile folder; skips the test (fails it under CI) when not installed. */
    public static ChromeDriver start(Path profile, int width, int height) throws IOException {
        Path browser = Programs.require("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = Programs.require("chromium-driver", "/usr/bin/chromedriver");
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
