package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import com.fasterxml.jackson.databind.JsonNode;

import org.communityscheduler.model.ModelBuilder;
import org.communityscheduler.model.WeeklySchedule;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.plan.PlanReader;
import org.communityscheduler.plan.Rule;
import org.junit.jupiter.api.Test;

/** One job whose solve fails never stops the server answering reads of it: the failure is its status. */
class FailedJobTest {

    private static final String PLAN = """
            {"name": "overflow", "week": {"startDate": "2026-11-30"},
             "sites": [{"id": "s", "openingHours": {"MON": ["09:00-12:00"]}}],
             "rooms": [{"id": "r", "capacity": 10}],
             "activities": [{"id": "a", "durationMinutes": 60, "preferredTimes": {"TUE": ["09:00-10:00"]}},
                            {"id": "b", "durationMinutes": 60, "preferredTimes": {"TUE": ["09:00-10:00"]}}]}
            """;

    @Test
    void aJobWhoseScoreOverflowsAnswersEveryReadWithItsError() {
        Plan plan = PlanReader.read(PLAN).orThrow();
        try (TestServer api = new TestServer()) {
            // The validator refuses such a weight; a model built past it is how a solve can still fail.
            String id = api.server.jobs().submit(plan, PLAN, overflowing(ModelBuilder.build(plan)),
                    Duration.ofSeconds(2)).id();

            JsonNode failed = api.awaitDone(id, Duration.ofSeconds(60));

            assertThat(failed.get("error").get("code").asText()).isEqualTo("server.job.failed");
            assertThat(failed.get("error").get("message").asText()).isNotBlank();
            for (String read : List.of("", "/export.csv", "/export.ics")) {
                HttpResponse<String> response = api.get("/api/schedules/" + id + read);
                assertThat(response.statusCode()).as(read + ": " + response.body()).isIn(200, 409);
            }
            HttpResponse<String> analysis = api.post("/api/schedules/analyze", "{\"job\": \"" + id + "\"}");
            assertThat(analysis.statusCode()).as(analysis.body()).isLessThan(500);
            assertThat(api.get("/api/schedules/" + id).statusCode()).isEqualTo(200);
        }
    }

    private static WeeklySchedule overflowing(WeeklySchedule week) {
        return new WeeklySchedule(week.getPlan(), week.getDiagnostics(), week.getSites(), week.getRooms(),
                week.getWorkers(), week.getAudiences(), week.getActivities(), week.getPrecedences(), week.getSessions(),
                ConstraintWeightOverrides.of(Map.of(
                        Rule.NOT_PREFERRED_TIME.title(), HardMediumSoftLongScore.ofSoft(Long.MAX_VALUE))));
    }
}
