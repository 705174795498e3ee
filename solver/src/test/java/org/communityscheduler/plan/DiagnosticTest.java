package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.junit.jupiter.api.Test;

/** A diagnostic written as JSON (a kept job's) reads back whole: its code and arguments, so in either language. */
class DiagnosticTest {

    @Test
    void readsBackAsItWasWritten() throws Exception {
        Diagnostic written = Diagnostic.info("week.makeUpWorkdays.2027-01-02",
                Text.of("makeUpWorkdays.notInWeek", "2027-01-02", "2026-11-30"));

        Diagnostic read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(written), Diagnostic.class);

        assertThat(read).isEqualTo(written);
        assertThat(read.message(Language.ZH)).isEqualTo("2027-01-02 不在从 2026-11-30 开始的这一周内，已忽略");
    }

    @Test
    void aDiagnosticKeptBeforeCodesKeepsItsWords() throws Exception {
        Diagnostic read = Json.MAPPER.readValue("""
                {"severity": "warning", "path": "activities[0]", "message": "never placed"}""", Diagnostic.class);

        assertThat(read.severity()).isEqualTo("warning");
        assertThat(read.message(Language.ZH)).isEqualTo("never placed");
    }
}
