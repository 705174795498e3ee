package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionKeyTest {

    @Test
    void aKeyIsWrittenAsTheActivityAndItsNumber() {
        assertThat(SessionKey.of("teen-club", 2)).hasToString("teen-club#2");
    }

    @Test
    void aKeyReadsBackAsItWasWrittenEvenWhenTheActivityHoldsAHash() {
        assertThat(SessionKey.parse("teen-club#2")).contains(SessionKey.of("teen-club", 2));
        assertThat(SessionKey.parse("room#4-yoga#10")).contains(SessionKey.of("room#4-yoga", 10));
    }

    @Test
    void textThatIsNotAKeyIsRefused() {
        assertThat(SessionKey.parse("teen-club")).isEmpty();
        assertThat(SessionKey.parse("teen-club#")).isEmpty();
        assertThat(SessionKey.parse("#2")).isEmpty();
        assertThat(SessionKey.parse("teen-club#0")).isEmpty();
        assertThat(SessionKey.parse("teen-club#two")).isEmpty();
    }
}
