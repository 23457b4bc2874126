#!/usr/bin/env python3
"""Writes the input-event test files of this folder (see README.md). Run from this folder: python3 write-events.py"""
import struct

EV_SYN, EV_KEY, EV_ABS = 0, 1, 3
SYN_REPORT, SYN_DROPPED = 0, 3
BTN_TOUCH = 0x14A
ABS_X, ABS_Y = 0x00, 0x01
ABS_MT_SLOT, ABS_MT_X, ABS_MT_Y, ABS_MT_ID = 0x2F, 0x35, 0x36, 0x39


def record(layout, t, type_, code, value):
    sec, usec = int(t), int(round((t - int(t)) * 1e6))
    head = struct.pack("<qq", sec, usec) if layout == 24 else struct.pack("<II", sec, usec)
    return head + struct.pack("<HHi", type_, code, value)


def official_screen_taps():
    """The official 7" screen's driver (raspberrypi-ts): protocol B slots, plus BTN_TOUCH and ABS_X/Y copied
    from slot 0, in its own pixels (0..799, 0..479)."""
    ev, t, tid = [], 1000.0, 40

    def frame(*events):
        nonlocal t
        ev.extend((t, *e) for e in events)
        ev.append((t, EV_SYN, SYN_REPORT, 0))
        t += 0.0167

    def tap(x, y, moves=2):
        nonlocal tid, t
        frame((EV_ABS, ABS_MT_SLOT, 0), (EV_ABS, ABS_MT_ID, tid), (EV_ABS, ABS_MT_X, x), (EV_ABS, ABS_MT_Y, y),
              (EV_KEY, BTN_TOUCH, 1), (EV_ABS, ABS_X, x), (EV_ABS, ABS_Y, y))
        for i in range(moves):          # a finger is never quite still: small moves, no new press
            frame((EV_ABS, ABS_MT_X, x + i + 1), (EV_ABS, ABS_X, x + i + 1))
        frame((EV_ABS, ABS_MT_ID, -1), (EV_KEY, BTN_TOUCH, 0))
        tid += 1
        t += 0.6

    tap(400, 240)                        # 1: the middle of the screen
    tap(120, 440)                        # 2: bottom left
    # 3: a second finger joins the first and leaves: one press only (the first finger's)
    frame((EV_ABS, ABS_MT_SLOT, 0), (EV_ABS, ABS_MT_ID, tid), (EV_ABS, ABS_MT_X, 650), (EV_ABS, ABS_MT_Y, 100),
          (EV_KEY, BTN_TOUCH, 1), (EV_ABS, ABS_X, 650), (EV_ABS, ABS_Y, 100))
    frame((EV_ABS, ABS_MT_SLOT, 1), (EV_ABS, ABS_MT_ID, tid + 1), (EV_ABS, ABS_MT_X, 300), (EV_ABS, ABS_MT_Y, 300))
    frame((EV_ABS, ABS_MT_ID, -1))
    frame((EV_ABS, ABS_MT_SLOT, 0), (EV_ABS, ABS_MT_ID, -1), (EV_KEY, BTN_TOUCH, 0))
    tid += 2
    t += 0.6
    # 4: the kernel's buffer overflowed mid-press: that frame is dropped; the next press counts
    ev.append((t, EV_ABS, ABS_MT_ID, tid))
    ev.append((t, EV_SYN, SYN_DROPPED, 0))
    ev.append((t, EV_ABS, ABS_MT_X, 10))
    ev.append((t, EV_SYN, SYN_REPORT, 0))
    t += 0.1
    frame((EV_ABS, ABS_MT_ID, -1), (EV_KEY, BTN_TOUCH, 0))
    tid += 1
    tap(799, 479)                        # 5: the far corner
    return ev


def resistive_single_touch():
    """A resistive SPI panel (ads7846-like): single touch only, 0..4095 on both axes."""
    ev, t = [], 50.0
    for x, y in [(2048, 2048), (4095, 0), (0, 4095)]:
        ev += [(t, EV_ABS, ABS_X, x), (t, EV_ABS, ABS_Y, y), (t, EV_KEY, BTN_TOUCH, 1), (t, EV_SYN, SYN_REPORT, 0)]
        t += 0.02
        ev += [(t, EV_ABS, ABS_X, x + 3), (t, EV_SYN, SYN_REPORT, 0)]
        t += 0.02
        ev += [(t, EV_KEY, BTN_TOUCH, 0), (t, EV_SYN, SYN_REPORT, 0)]
        t += 0.5
    return ev


for name, events in [("official-7in-taps", official_screen_taps()), ("resistive-single-touch", resistive_single_touch())]:
    for layout, suffix in [(24, "lp64"), (16, "ilp32")]:
        with open(f"{name}-{suffix}.bin", "wb") as f:
            for e in events:
                f.write(record(layout, *e))
