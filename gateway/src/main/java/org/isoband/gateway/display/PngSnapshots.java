package org.isoband.gateway.display;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes the screen to a PNG file (replaced atomically, so a viewer never sees half a frame). */
public final class PngSnapshots implements Display {
    private final CoachScreen screen;
    private final Path file;

    public PngSnapshots(CoachScreen screen, Path file) {
        this.screen = screen;
        this.file = file;
    }

    @Override
    public void show(ScreenModel model) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            ImageIO.write(screen.render(model), "png", tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screen snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "PNG snapshots in " + file;
    }

    @Override
    public void close() {
    }
}
