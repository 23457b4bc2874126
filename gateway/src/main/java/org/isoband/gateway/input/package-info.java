/**
 * Touch input from Linux input devices for the framebuffer screen (a window gets the same touches as pointer
 * events from X11/Wayland): the touchscreen found by its capabilities in /proc/bus/input/devices,
 * {@code struct input_event} records decoded in their 64-bit and 32-bit layouts, single-touch (ABS_X/ABS_Y,
 * BTN_TOUCH) and multitouch slots, and the panel's axes mapped to screen pixels with rotation.
 */
package org.isoband.gateway.input;
