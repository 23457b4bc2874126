package org.isoband.core.mqtt;

/** What became of one publish: the broker took it, refused it, or it never got an answer. */
public sealed interface PublishResult {

    /** QoS 1: a PUBACK below 0x80 (0x10, no subscribers, included); QoS 0: written to the socket. */
    record Accepted(ReasonCode reason) implements PublishResult {
        public static final Accepted OK = new Accepted(ReasonCode.SUCCESS);
    }

    /** A PUBACK of 0x80 or above (MQTT 5 only): the broker did not publish it; keep it and try later. */
    record Refused(ReasonCode reason) implements PublishResult {
    }

    /** No answer: not connected, or the connection dropped before the PUBACK. Published again on reconnect. */
    record Unanswered(String why) implements PublishResult {
    }
}
