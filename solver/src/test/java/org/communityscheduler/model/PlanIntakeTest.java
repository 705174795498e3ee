package org.communityscheduler.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.InvalidPlanException;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.PlanBuilder;
import org.communityscheduler.plan.Problem;
import org.junit.jupiter.api.Test;

class PlanIntakeTest {

    /** Two sessions of a choir no room can hold, and a field the plan does not have. */
    private static byte[] choirTooBigForTheHall() {
        String json = Json.write(PlanBuilder.plan()
                .site("huanghe", site -> site.open(Day.MON, "08:00-18:00"))
                .room("hall", room -> room.capacity(10))
                .activity("choir", activity -> activity.duration(60).sessions(2).participants(30))
                .build());
        return json.replaceFirst("\\{", "{\"colour\": \"blue\", ").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theModelCarriesTheReadingsDiagnosticsAndThenItsOwn() {
        PlanIntake intake = PlanIntake.read(choirTooBigForTheHall(), PlanLimits.NONE);

        assertThat(intake.problems()).isEmpty();
        WeeklySchedule week = intake.model();
        assertThat(week.getDiagnostics()).extracting(Diagnostic::path).containsExactly("colour", "activities[0]");
        assertThat(week.getDiagnostics().get(0).message()).isEqualTo("unknown field \"colour\" is ignored");
        assertThat(week.getSessions()).hasSize(2);
    }

    @Test
    void eachModelIsANewOneForSolvingChangesIt() {
        PlanIntake intake = PlanIntake.read(choirTooBigForTheHall(), PlanLimits.NONE);

        assertThat(intake.model()).isNotSameAs(intake.model());
    }

    @Test
    void aPlanAskingForMoreSessionsThanTheLimitIsRefusedBeforeAnyModel() {
        PlanIntake intake = PlanIntake.read(choirTooBigForTheHall(), new PlanLimits(1));

        assertThat(intake.isValid()).isFalse();
        assertThat(intake.plan()).isNull();
        assertThat(intake.problems()).extracting(Problem::toString).containsExactly("activities: the plan asks for 2 "
                + "sessions; this server takes at most 1 in one plan (split it by site or by week)");
        assertThat(intake.diagnostics()).extracting(Diagnostic::path).containsExactly("colour");
        assertThatThrownBy(intake::model).isInstanceOf(InvalidPlanException.class);
    }

    @Test
    void badBytesGiveEveryProblemAndNoModel() {
        PlanIntake intake = PlanIntake.read("{\"rooms\": 3}".getBytes(StandardCharsets.UTF_8), PlanLimits.NONE);

        assertThat(intake.isValid()).isFalse();
        assertThat(intake.problems()).extracting(Problem::toString).contains("rooms: must be an array, not the number 3");
        assertThatThrownBy(intake::model).isInstanceOf(InvalidPlanException.class);
    }
}
