package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.junit.jupiter.api.Test;

class TextJsonTest {

    private static final Text NEVER_PLACED = Text.of("plan.neverPlaceable", "合唱团",
            Text.of("plan.unplaceable.tooManyParticipants", 50, 10));

    @Test
    void aProblemIsWrittenWithItsCodeAndItsMessageInTheLanguageAsked() {
        Problem problem = new Problem("activities[0].workers[0]", Text.of("plan.unknownWorker", "wang"));

        JsonNode english = Json.tree(problem, Language.EN);
        JsonNode chinese = Json.tree(problem, Language.ZH);

        assertThat(english.toString()).isEqualTo("{\"path\":\"activities[0].workers[0]\",\"code\":\"plan.unknownWorker\","
                + "\"message\":\"unknown worker \\\"wang\\\"\",\"args\":[\"wang\"]}");
        assertThat(chinese.get("message").asText()).isEqualTo("未知社工“wang”");
        assertThat(chinese.get("code").asText()).isEqualTo("plan.unknownWorker");
    }

    @Test
    void aStoredDiagnosticIsReadBackFromItsCodeAndSpeaksAnyLanguageLater() throws Exception {
        Diagnostic diagnostic = Diagnostic.warning("activities[1]", NEVER_PLACED);

        Diagnostic read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(diagnostic), Diagnostic.class);

        assertThat(read).isEqualTo(diagnostic);
        assertThat(read.message(Language.ZH)).isEqualTo("“合唱团”无论如何都无法安排：它有 50 名参与者，但可用的最大活动室只能容纳 10 人");
    }

    @Test
    void aDiagnosticStoredBeforeItHadACodeKeepsItsWords() throws Exception {
        Diagnostic read = Json.MAPPER.readValue("{\"severity\": \"info\", \"path\": \"sites[0]\", \"message\": \"as once"
                + " written\"}", Diagnostic.class);

        assertThat(read.message(Language.ZH)).isEqualTo("as once written");
    }

    @Test
    void aScheduleKeepsItsReasonsAndMatchesAcrossARoundTrip() throws Exception {
        Schedule schedule = new Schedule("week", "0hard/-1medium/0soft", true, List.of(),
                List.of(new Schedule.UnassignedSession("choir", 1, List.of(NEVER_PLACED))),
                List.of(new Schedule.ConstraintResult("Room clash", "hard", "0hard/0medium/0soft", 1,
                        List.of(new Schedule.Match("-60hard/0medium/0soft", Text.of("schedule.justification.roomClash",
                                "a", "b", 60, "hall"), List.of("a#1"))))),
                List.of(), List.of(), List.of());

        JsonNode chinese = Json.tree(schedule, Language.ZH);
        Schedule read = Json.MAPPER.treeToValue(Json.tree(schedule, Language.EN), Schedule.class);

        assertThat(chinese.at("/unassigned/0/reasons/0/code").asText()).isEqualTo("plan.neverPlaceable");
        assertThat(chinese.at("/constraints/0/name").asText()).isEqualTo("Room clash");
        assertThat(chinese.at("/constraints/0/displayName").asText()).isEqualTo("活动室冲突");
        assertThat(chinese.at("/constraints/0/justifications/0/code").asText())
                .isEqualTo("schedule.justification.roomClash");
        assertThat(chinese.at("/constraints/0/justifications/0/description").asText()).isEqualTo("a 与 b 在hall重叠 60 分钟");
        assertThat(read.unassigned().get(0).reasons()).containsExactly(NEVER_PLACED);
    }
}
