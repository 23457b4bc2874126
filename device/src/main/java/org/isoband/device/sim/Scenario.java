package org.isoband.device.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Named plans for the simulated athlete. Each builds its reps from a seeded random source. */
public enum Scenario {
    SESSION("a whole training session: right then left leg, 4 hip angles, 5 held reps each; some reps fail and are repeated"),
    STRENGTH("a session with the maximum test: at each leg and angle 2 maximal pulls of about 4 s, then 5 held reps "
            + "at about 70 % of that maximum (a few too light); some reps fail and are repeated"),
    SET("one set of 6 reps with one of each kind: held, released early, moved, wobbling"),
    HELD("3 clean holds past the target"),
    SHORT("3 holds released early"),
    MOVED("3 holds broken by the leg moving"),
    UNSTEADY("3 contractions that never settle"),
    DROPOUT("3 holds, the second cut off by the sensor going silent for 4 s"),
    SETUP("5 holds, each after set-up tension: the slack taken up to a low plateau for seconds, then the pull"),
    FIDGETS("5 holds with fidgets at rest (5-20 N shifts for 0.5-3 s), before the first rep too"),
    PLATEAUS("a timed test: 12 x 8 s on / 3-5 s off, fading strength, a ~50 N rest plateau in every rest"),
    ANGLES("a whole session: 2 legs x 3 angles x 3 reps; the rest tension steps 20-70 N over 1.5-4 s between angles"),
    RELAXATION("5 still holds on latex that loses 2-6 % of its tension over the first seconds (stress relaxation)"),
    TRUNCATED("the set scenario recorded from inside its first rep (on its ramp or in its hold) to inside its last"),
    CLOCK_RESTART("the set scenario, exported with 0.2 s of stale samples stamped later before the clock restarts"),
    ENDURANCE("an endurance test that records only its window: 8-28 s from inside one long hold to inside it");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The scenario's name as typed on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Scenario fromCliName(String name) {
        for (Scenario s : values()) {
            if (s.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "' (one of: " + names() + ")");
    }

    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Scenario s : values()) {
            sb.append(sb.length() > 0 ? ", " : "").append(s.cliName());
        }
        return sb.toString();
    }

    Plan plan(Random random) {
        Planner p = new Planner(random);
        double angleChange = 10;
        boolean stale = false;
        switch (this) {
            case SESSION -> p.session();
            case STRENGTH -> p.strength();
            case SET -> p.set(List.of(Fault.NONE, Fault.EARLY_RELEASE, Fault.NONE, Fault.MOVE, Fault.WOBBLE, Fault.NONE));
            case HELD -> p.set(List.of(Fault.NONE, Fault.NONE, Fault.NONE));
            case SHORT -> p.set(List.of(Fault.EARLY_RELEASE, Fault.EARLY_RELEASE, Fault.EARLY_RELEASE));
            case MOVED -> p.set(List.of(Fault.MOVE, Fault.MOVE, Fault.MOVE));
            case UNSTEADY -> p.set(List.of(Fault.WOBBLE, Fault.WOBBLE, Fault.WOBBLE));
            case DROPOUT -> p.set(List.of(Fault.NONE, Fault.DROPOUT, Fault.NONE));
            case SETUP -> p.withSetup().set(List.of(Fault.NONE, Fault.NONE, Fault.EARLY_RELEASE, Fault.NONE, Fault.MOVE));
            case FIDGETS -> p.withFidgets().set(List.of(Fault.NONE, Fault.NONE, Fault.EARLY_RELEASE, Fault.NONE, Fault.NONE));
            case PLATEAUS -> p.timedTest(12);
            case ANGLES -> {
                angleChange = 1.5 + random.nextDouble() * 2.5;
                p.angles();
            }
            case RELAXATION -> p.withRelaxation().set(List.of(Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE, Fault.NONE));
            case TRUNCATED, CLOCK_RESTART -> p.set(List.of(Fault.NONE, Fault.EARLY_RELEASE, Fault.NONE, Fault.MOVE,
                    Fault.WOBBLE, Fault.NONE));
            case ENDURANCE -> p.longHold(12 + random.nextDouble() * 20);
        }
        double from = 0;
        double to = Double.POSITIVE_INFINITY;
        if (this == ENDURANCE) {
            RepPlan hold = p.reps.get(0);
            from = hold.startS() + hold.rampS() + 0.5 + random.nextDouble() * 1.5;
            to = hold.startS() + hold.rampS() + hold.holdS() - 0.5 - random.nextDouble() * 1.5;
        }
        if (this == TRUNCATED) {
            RepPlan first = p.reps.get(0);
            RepPlan last = p.reps.get(p.reps.size() - 1);
            // Half the recordings begin on the first rep's ramp (as a real export whose clock restarts
            // mid-pull), half in its hold.
            from = random.nextBoolean() ? first.startS() + first.rampS() * (0.3 + 0.4 * random.nextDouble())
                    : first.startS() + first.rampS() + 1 + random.nextDouble() * 3;
            to = last.startS() + last.rampS() + 1 + random.nextDouble() * 3;
        }
        stale = this == CLOCK_RESTART;
        return new Plan(p.reps, angleChange, from, to, stale);
    }

    /** Rest after each maximal pull that the strength scenario's athlete takes (the demo's plan rests as long). */
    public static final double PULL_REST_S = 15;

    /** Lays reps out in time with rests between them, like a person following the plan. */
    private static final class Planner {
        private final Random random;
        private final List<RepPlan> reps = new ArrayList<>();
        private double now = 4;
        private double strength;

        private boolean setup;
        private boolean fidgets;
        private boolean relaxation;
        private double restOverride = Double.NaN;

        Planner(Random random) {
            this.random = random;
            this.strength = 160 + random.nextDouble() * 80;
        }

        Planner withSetup() {
            setup = true;
            return this;
        }

        Planner withFidgets() {
            fidgets = true;
            now = 14;
            return this;
        }

        Planner withRelaxation() {
            relaxation = true;
            return this;
        }

        /** All-out reps on a timer, fading rep by rep; in each rest a dip, a ~50 N plateau, a dip. */
        void timedTest(int count) {
            double plateau = 45 + random.nextDouble() * 8;
            restOverride = 1 + random.nextDouble() * 3;
            strength = 200 + random.nextDouble() * 80;
            for (int i = 0; i < count; i++) {
                double amplitude = strength * (0.93 + random.nextDouble() * 0.14);
                double ramp = 0.25 + random.nextDouble() * 0.3;
                double release = 0.25 + random.nextDouble() * 0.3;
                double hold = 8 - ramp - release;
                List<RepPlan.Bump> bumps = new ArrayList<>();
                if (i > 0) {
                    double top = 1.2 + random.nextDouble() * 1.7;
                    double rise = 0.2 + random.nextDouble() * 0.15;
                    bumps.add(new RepPlan.Bump(now - 2 * rise - top - 0.3 - random.nextDouble() * 0.3, rise, top,
                            plateau - restOverride));
                }
                reps.add(new RepPlan("right", 1, now, ramp, hold, release, restOverride, amplitude, Fault.NONE, 0, 0,
                        2 + random.nextDouble() * 6, 0, 0, 0, 1, bumps));
                now += ramp + hold + release + 3.5 + random.nextDouble() * 1.5;
                strength *= 0.95;
            }
        }

        /** Two legs, three angles each, three reps per angle; the rest steps 20-70 N between angles. */
        void angles() {
            for (String leg : List.of("right", "left")) {
                double rest = 5 + random.nextDouble() * 10;
                for (int angle = 0; angle < 3; angle++) {
                    restOverride = rest;
                    for (int rep = 0; rep < 3; rep++) {
                        add(leg, angle, pickFault());
                        now += 8 + random.nextDouble() * 4;
                    }
                    rest += (20 + random.nextDouble() * 50) * (angle == 1 && random.nextBoolean() ? -0.5 : 1);
                    rest = Math.max(3, rest);
                    now += 10;
                }
                now += 10;
            }
        }

        void session() {
            for (String leg : List.of("right", "left")) {
                for (int angle = 0; angle < 4; angle++) {
                    int held = 0;
                    while (held < 5) {
                        Fault fault = pickFault();
                        add(leg, angle, fault);
                        held += fault == Fault.NONE ? 1 : 0;
                        now += 8 + random.nextDouble() * 4;
                    }
                    now += 14;    // next angle: the leg is moved slowly to its new position
                }
                now += 10;
                strength *= 1.02;  // the other leg is fresh
            }
        }

        void strength() {
            for (String leg : List.of("right", "left")) {
                for (int angle = 0; angle < 4; angle++) {
                    double rest = restTension(angle);
                    double maxAmplitude = strength * 1.5;
                    for (int pull = 0; pull < 2; pull++) {
                        double amplitude = maxAmplitude * (0.96 + random.nextDouble() * 0.08);
                        double ramp = 0.4 + random.nextDouble() * 0.2;
                        double hold = 4.2 + random.nextDouble() * 0.3;
                        double release = 0.4;
                        reps.add(new RepPlan(leg, angle, now, ramp, hold, release, rest, amplitude, Fault.NONE, 0, 0,
                                3 + random.nextDouble() * 3));
                        // a maximal effort needs its rest: wait it out, and a little more for the coach's count
                        now += ramp + hold + release + PULL_REST_S + 3;
                    }
                    // the holds aim for 70 % of the maximum's tension (rest tension included, as a gauge reads)
                    double zoneAmplitude = 0.7 * (rest + maxAmplitude) - rest;
                    int held = 0;
                    while (held < 5) {
                        Fault fault = pickFault();
                        boolean light = fault == Fault.NONE && random.nextDouble() < 0.15;
                        add(leg, angle, fault, zoneAmplitude * (light ? 0.75 : 1) * (0.95 + random.nextDouble() * 0.1));
                        held += fault == Fault.NONE ? 1 : 0;
                        now += 8 + random.nextDouble() * 4;
                    }
                    now += 14;
                }
                now += 10;
                strength *= 1.02;
            }
        }

        void set(List<Fault> faults) {
            for (Fault fault : faults) {
                add("right", 1, fault);
                now += 6 + random.nextDouble() * 4;
            }
        }

        /** One held rep of {@code holdS}, its fatigue spread over it. */
        void longHold(double holdS) {
            double ramp = 0.3 + random.nextDouble() * 0.5;
            reps.add(new RepPlan("right", 1, now, ramp, holdS, 0.5, restTension(1), strength, Fault.NONE, 0, 0,
                    3 + random.nextDouble() * 5));
            now += ramp + holdS + 0.5;
        }

        private Fault pickFault() {
            double r = random.nextDouble();
            return r < 0.10 ? Fault.MOVE : r < 0.20 ? Fault.EARLY_RELEASE : r < 0.25 ? Fault.WOBBLE : Fault.NONE;
        }

        private void add(String leg, int angle, Fault fault) {
            add(leg, angle, fault, strength * (0.85 + random.nextDouble() * 0.3));
        }

        private void add(String leg, int angle, Fault fault, double amplitude) {
            double rest = restTension(angle);
            double ramp = 0.3 + random.nextDouble() * 0.5;
            double release = 0.3 + random.nextDouble() * 0.4;
            double hold = switch (fault) {
                case NONE, DROPOUT -> 6.8 + random.nextDouble() * 3;
                case EARLY_RELEASE -> 2 + random.nextDouble() * 3;
                case MOVE -> 6 + random.nextDouble() * 2;
                case WOBBLE -> 5 + random.nextDouble() * 3;
            };
            double faultAt = switch (fault) {
                case MOVE -> 2 + random.nextDouble() * 1.5;
                case DROPOUT -> 2.5;
                default -> 0;
            };
            double size = switch (fault) {
                case MOVE -> amplitude * (0.2 + random.nextDouble() * 0.15) * (random.nextBoolean() ? 1 : -1);
                case WOBBLE -> amplitude * (0.15 + random.nextDouble() * 0.1);
                case DROPOUT -> 4;
                default -> 0;
            };
            double fatigue = 2 + random.nextDouble() * 6;
            if (!setup && !fidgets && !relaxation) {
                reps.add(new RepPlan(leg, angle, now, ramp, hold, release, rest, amplitude, fault, faultAt, size, fatigue));
                now += ramp + hold + release;
                strength *= 0.995;
                return;
            }
            double setupN = 0;
            double setupS = 0;
            if (setup) {
                // Taking up the slack: 10-30 N for 2-6 s before the pull (real hamstring recordings).
                setupN = 10 + random.nextDouble() * 20;
                setupS = 2 + random.nextDouble() * 4;
                now += setupS;
            }
            List<RepPlan.Bump> bumps = new ArrayList<>();
            if (fidgets) {
                int n = 1 + random.nextInt(3);
                double at = now - 3;
                for (int i = 0; i < n; i++) {
                    double top = 0.3 + random.nextDouble() * 2.2;
                    double rise = 0.1 + random.nextDouble() * 0.3;
                    at -= 2 * rise + top + 0.5 + random.nextDouble() * 1.5;
                    if (at < 0.5) {
                        break;
                    }
                    bumps.add(new RepPlan.Bump(at, rise, top, (5 + random.nextDouble() * 15) * (random.nextInt(4) == 0 ? -0.5 : 1)));
                }
            }
            double relax = relaxation ? 2 + random.nextDouble() * 4 : 0;
            double relaxTau = 1.5 + random.nextDouble() * 2.5;
            if (relaxation) {
                fatigue = random.nextDouble() * 2;
            }
            reps.add(new RepPlan(leg, angle, now, ramp, hold, release, rest, amplitude, fault, faultAt, size, fatigue,
                    setupN, setupS, relax, relaxTau, bumps));
            now += ramp + hold + release;
            strength *= 0.995;
        }

        /** Rest tension grows as the leg is held lower (further from the torso): the band is longer. */
        private double restTension(int angle) {
            if (!Double.isNaN(restOverride)) {
                return restOverride;
            }
            return 18 + 9 * angle;
        }
    }
}
