package org.isoband.gateway.doctor;

/**
 * One thing the doctor looked at.
 *
 * @param name   what was checked, e.g. "Bluetooth adapter"
 * @param status OK, WARN (works, but not as it should) or FAIL (what the configuration needs is missing)
 * @param found  what was found, in words
 * @param fix    what to do about it (empty when OK)
 */
public record Check(String name, Status status, String found, String fix) {

    public enum Status { OK, WARN, FAIL }

    static Check ok(String name, String found) {
        return new Check(name, Status.OK, found, "");
    }

    static Check warn(String name, String found, String fix) {
        return new Check(name, Status.WARN, found, fix);
    }

    static Check fail(String name, String found, String fix) {
        return new Check(name, Status.FAIL, found, fix);
    }
}
