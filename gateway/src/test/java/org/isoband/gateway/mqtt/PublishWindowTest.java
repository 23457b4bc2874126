package org.isoband.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishWindowTest {

    @Test
    void theBrokersReceiveMaximumNarrowsTheWindowAndAnEventIsNeverInFlightTwice() {
        PublishWindow w = new PublishWindow();
        w.open(2);
        assertThat(w.take("a")).isTrue();
        assertThat(w.take("a")).isFalse();
        assertThat(w.take("b")).isTrue();
        assertThat(w.room()).isZero();
        w.answered("a");
        assertThat(w.room()).isEqualTo(1);
    }

    @Test
    void aNewEventIsNextInLineOnlyAfterALookAtTheFileFoundNothingOlderAndThereIsRoom() {
        PublishWindow w = new PublishWindow();
        w.open(1);
        assertThat(w.nextInLine()).as("not looked yet").isFalse();
        w.looking();
        w.caughtUp();
        assertThat(w.nextInLine()).isTrue();
        w.take("a");
        assertThat(w.nextInLine()).as("no room").isFalse();
        w.answered("a");
        w.rewind(0); // an unanswered event must go out again first
        assertThat(w.nextInLine()).isFalse();
    }

    @Test
    void aDroppedConnectionEmptiesTheWindowAndAReconnectionReadsTheFileFromItsOldestUnsentEvent() {
        PublishWindow w = new PublishWindow();
        w.open(65_535);
        assertThat(w.room()).isEqualTo(PublishWindow.MAX);
        w.take("a");
        w.advance(41);
        w.close();
        assertThat(w.room()).isEqualTo(PublishWindow.MAX);
        w.open(65_535);
        assertThat(w.cursor()).isZero();
    }
}
