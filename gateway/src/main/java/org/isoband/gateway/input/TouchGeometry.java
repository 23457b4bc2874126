package org.isoband.gateway.input;

/**
 * From the panel's axes to screen pixels: the axis ranges (from the configuration; the official 7" screen's
 * driver reports 0..799 and 0..479, its pixels) and the rotation of the picture relative to the panel, in
 * degrees clockwise, as set with {@code display_lcd_rotate} or the screen's mounting.
 */
public record TouchGeometry(int xMin, int xMax, int yMin, int yMax, int rotation, int screenWidth, int screenHeight) {

    /** The official Raspberry Pi 7" touchscreen, upright. */
    public static TouchGeometry officialScreen(int screenWidth, int screenHeight) {
        return new TouchGeometry(0, 799, 0, 479, 0, screenWidth, screenHeight);
    }

    public TouchGeometry {
        if (xMax <= xMin || yMax <= yMin) {
            throw new IllegalArgumentException("touch axis ranges must be min < max, got x " + xMin + ".." + xMax
                    + ", y " + yMin + ".." + yMax);
        }
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("touch rotation must be 0, 90, 180 or 270, got " + rotation);
        }
    }

    /** The screen pixel under a touch at the panel's raw (x, y), clamped to the screen. */
    public int[] toScreen(int rawX, int rawY) {
        double nx = clamp((rawX - xMin) / (double) (xMax - xMin));
        double ny = clamp((rawY - yMin) / (double) (yMax - yMin));
        double sx;
        double sy;
        switch (rotation) {
            case 90 -> { sx = 1 - ny; sy = nx; }
            case 180 -> { sx = 1 - nx; sy = 1 - ny; }
            case 270 -> { sx = ny; sy = 1 - nx; }
            default -> { sx = nx; sy = ny; }
        }
        return new int[] {(int) Math.min(screenWidth - 1, Math.round(sx * (screenWidth - 1))),
                (int) Math.min(screenHeight - 1, Math.round(sy * (screenHeight - 1)))};
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
