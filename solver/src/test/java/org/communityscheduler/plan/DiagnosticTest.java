package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityscheduler.text.Text;
import org.junit.jupiter.api.Test;

/** A diagnostic written as JSON (a kept job's) reads back with its severity, path and English message. */
class DiagnosticTest {

    @Test
    void readsBackAsItWasWritten() throws Exception {
        Diagnostic written = Diagnostic.warning("activities[0]", Text.of("untranslated", "never placed"));

        Diagnostic read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(written), Diagnostic.class);

        assertThat(read.severity()).isEqualTo("warning");
        assertThat(read.path()).isEqualTo("activities[0]");
        assertThat(read.message()).isEqualTo("never placed");
    }
}
