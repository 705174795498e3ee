package org.communityscheduler.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.communityscheduler.server.ServerSettings;

/**
 * The page's copy of the hard rules (rules.js), which says at once where a picked session cannot go, held against the
 * server's: sessions of a solved week are moved across rooms, days and times, and at each place the hard rules the
 * page finds broken are those the server's analysis finds broken for that session there, rule by rule.
 */
@Tag("slow") // a headless browser against a running server, and an analysis per place
class HardRulesAgreePageTest {

    /**
     * For each session key of arguments[0], at each room of the plan, each day of arguments[1] and each start of
     * arguments[2]: the rules.js verdict beside the server's analysis of the week with the session moved there.
     * Answers {compared, rooms, fired (the rules the server found broken), disagreements}.
     */
    private static final String COMPARE = """
            const [keys, days, starts, done] = arguments;
            (async () => {
              const { state, sessionKey, scheduleBody } = await import('/state.js');
              const { hardRulesBroken, HARD_RULES } = await import('/rules.js');
              const { api } = await import('/api.js');
              const { clock, minutes } = await import('/util.js');
              const disagreements = [];
              const fired = new Set();
              let compared = 0;
              for (const key of keys) {
                const picked = state.schedule.sessions.find((s) => sessionKey(s) === key);
                const duration = state.index.activities.get(picked.activity).durationMinutes;
                const check = hardRulesBroken(state, picked);
                for (const room of state.plan.rooms) {
                  for (const day of days) {
                    await Promise.all(starts.map(minutes).map(async (start) => {
                      const page = [...new Set(check(room.id, day, start).map((broken) => broken.rule))].sort();
                      const moved = state.schedule.sessions.map((s) => (sessionKey(s) !== key ? s : {
                        ...s, room: room.id, day, start: clock(start), end: clock(start + duration),
                        date: state.index.dates[day] }));
                      const analysis = await api.analyze({ plan: state.plan, schedule: scheduleBody(state.schedule, moved) });
                      const server = analysis.constraints.filter((c) => HARD_RULES.includes(c.name) && c.level === 'hard'
                        && (c.justifications ?? []).some((j) => (j.sessions ?? []).includes(key))).map((c) => c.name).sort();
                      server.forEach((rule) => fired.add(rule));
                      compared += 1;
                      if (page.join() !== server.join()) {
                        disagreements.push(`${key} in ${room.id} on ${day} at ${clock(start)}: page [${page}], server [${server}]`);
                      }
                    }));
                  }
                }
              }
              done({ compared, rooms: state.plan.rooms.length, fired: [...fired], disagreements });
            })().catch((error) => done({ error: String(error) }));
            """;

    @RegisterExtension
    static final Browser browser = new Browser(ServerSettings.defaults().withParallelSolvers(2));

    @BeforeEach
    void freshPage() {
        browser.openFresh();
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
    }

    @Test
    void onTheSampleWeek() {
        browser.loadDemo("binzhou-huanghe");
        browser.solve();

        Map<?, ?> result = compare(
                List.of("elder-lunch#1", "homework#1", "health-talk#1", "staff-meeting#1", "family-counselling#1"),
                List.of("MON", "WED", "SAT"), List.of("08:00", "09:00", "12:00", "14:30", "16:30", "19:00"));

        assertThat(result.get("fired")).asList().contains("Locked doors", "Room capacity", "Missing feature",
                "Outside allowed times", "Worker unavailable", "Room clash", "Worker clash", "Audience clash");
    }

    @Test
    void onTwoSitesWithAnOrderAnAudiencesTimesAClosedDayAndAMakeUpSaturday(@TempDir Path temp) throws IOException {
        Path plan = Files.writeString(temp.resolve("two-sites.json"), """
                {"name": "两个服务点", "week": {"startDate": "2026-09-28", "makeUpWorkdays": {"2026-10-03": "FRI"}},
                 "sites": [{"id": "north", "name": "北区", "closedDates": ["2026-09-30"],
                            "openingHours": {"MON": ["09:00-18:00"], "TUE": ["09:00-18:00"], "WED": ["09:00-18:00"],
                                             "FRI": ["09:00-12:00"], "SAT": ["14:00-15:00"]},
                            "onRequestHours": {"TUE": ["18:00-21:00"]}},
                           {"id": "south", "name": "南区", "openingHours": {"MON": ["08:00-20:00"], "WED": ["08:00-20:00"]}}],
                 "rooms": [{"id": "n1", "site": "north", "capacity": 20, "features": ["projector"]},
                           {"id": "n2", "site": "north", "capacity": 8, "openingHours": {"MON": ["13:00-17:00"]}},
                           {"id": "s1", "site": "south", "capacity": 30, "features": ["projector"]}],
                 "audiences": [{"id": "kids", "name": "小学生", "availableTimes": {"MON": ["15:00-20:00"],
                                "TUE": ["15:00-20:00"], "WED": ["15:00-20:00"], "FRI": ["09:00-12:00"]}}],
                 "workers": [{"id": "w1", "name": "社工甲", "sites": ["north"], "unavailable": {"MON": ["12:00-13:00"]}},
                             {"id": "w2", "name": "社工乙"}],
                 "activities": [
                   {"id": "homework", "durationMinutes": 60, "audience": "kids", "workers": ["w2"]},
                   {"id": "reading", "durationMinutes": 60, "audiences": ["kids"], "after": ["homework"],
                    "workers": ["w1"], "participants": 10},
                   {"id": "film", "durationMinutes": 90, "allowedSites": ["south"], "requiredFeatures": ["projector"],
                    "workers": ["w2"], "allowedTimes": {"MON": ["09:00-20:00"], "WED": ["09:00-20:00"]}}]}
                """);
        browser.driver.findElement(By.id("plan-file")).sendKeys(plan.toString());
        browser.wait(10).until(d -> d.findElement(By.id("plan-title")).getText().startsWith("两个服务点"));
        browser.solve();

        Map<?, ?> result = compare(List.of("homework#1", "reading#1", "film#1"),
                List.of("MON", "TUE", "WED", "FRI", "SAT"),
                List.of("09:00", "11:30", "12:00", "14:00", "15:00", "16:30", "18:30", "19:30"));

        assertThat(result.get("fired")).asList().contains("Locked doors", "Room capacity", "Missing feature",
                "Wrong site", "Outside allowed times", "Worker unavailable", "Worker clash", "Audience clash",
                "Out of order");
    }

    /** Compares the page's verdicts with the server's; they must agree everywhere. */
    private static Map<?, ?> compare(List<String> keys, List<String> days, List<String> starts) {
        long began = System.nanoTime();
        Map<?, ?> result = (Map<?, ?>) browser.driver.executeAsyncScript(COMPARE, keys, days, starts);
        assertThat(result.get("error")).as("the comparison ran").isNull();
        System.out.printf("rules.js and the server's analysis compared at %s places in %.1f s%n", result.get("compared"),
                (System.nanoTime() - began) / 1e9);
        assertThat((List<?>) result.get("disagreements")).as("places where the page and the server disagree").isEmpty();
        assertThat((Long) result.get("compared")).as("every session at every room, day and start")
                .isEqualTo(keys.size() * days.size() * starts.size() * (Long) result.get("rooms"));
        return result;
    }
}
