package org.communityscheduler.data.itc2007;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Itc2007Penalty} gives the figures of the competition's own validator: L. Di Gaspero, B. McCollum and
 * A. Schaerf, "The Second International Timetabling Competition (ITC-2007): Curriculum-based Course Timetabling
 * (Track 3)", technical report, 2007, as its {@code ctt-validator.cc} applies them.
 *
 * <p>The fixtures in {@code itc2007/validator/} (test resources, see the README there): timetables of the bundled
 * instances by the shipped engine, written with {@link Itc2007Solution}, one with hard violations made by hand,
 * and for each the validator's output, saved verbatim.
 */
class Itc2007ValidatorTest {

    private static final Pattern FIGURE = Pattern.compile("^(Violations|Cost) of (\\w+) \\((hard|soft)\\) : (\\d+)$",
            Pattern.MULTILINE);
    private static final Pattern SUMMARY = Pattern.compile(
            "^Summary: (?:Violations = (\\d+), )?Total Cost = (\\d+)$", Pattern.MULTILINE);

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
            "comp01, comp01",
            "comp05, comp05",
            "comp07, comp07",
            "comp12, comp12",
            "comp01, comp01-hard"})
    void scoresEveryComponentAsTheCompetitionsValidatorDoes(String instanceName, String solutionName) {
        Itc2007Instance instance = Itc2007.read(Itc2007Test.BUNDLED.resolve(instanceName + ".ctt"));
        Itc2007Penalty penalty = Itc2007Penalty.of(instance,
                Itc2007Solution.read(resource(solutionName + ".sol"), solutionName + ".sol"));

        Map<String, Integer> validator = figures(resource(solutionName + ".txt"));

        assertThat(penalty.lectures()).as("lectures").isEqualTo(validator.get("Lectures"));
        assertThat(penalty.conflicts()).as("conflicts").isEqualTo(validator.get("Conflicts"));
        assertThat(penalty.availability()).as("availability").isEqualTo(validator.get("Availability"));
        assertThat(penalty.roomOccupancy()).as("room occupancy").isEqualTo(validator.get("RoomOccupation"));
        assertThat(penalty.roomCapacity()).as("room capacity").isEqualTo(validator.get("RoomCapacity"));
        assertThat(penalty.minimumWorkingDays()).as("minimum working days").isEqualTo(validator.get("MinWorkingDays"));
        assertThat(penalty.curriculumCompactness()).as("curriculum compactness")
                .isEqualTo(validator.get("CurriculumCompactness"));
        assertThat(penalty.roomStability()).as("room stability").isEqualTo(validator.get("RoomStability"));
        assertThat(penalty.hard()).as("violations").isEqualTo(validator.get("Violations"));
        assertThat(penalty.soft()).as("total cost").isEqualTo(validator.get("Total Cost"));
    }

    /** The validator's eight figures by name, its violations (0 when it prints none) and its total cost. */
    private static Map<String, Integer> figures(String output) {
        Map<String, Integer> figures = new HashMap<>();
        Matcher figure = FIGURE.matcher(output);
        while (figure.find()) {
            figures.put(figure.group(2), Integer.parseInt(figure.group(4)));
        }
        Matcher summary = SUMMARY.matcher(output);
        assertThat(summary.find()).as("the validator's summary line").isTrue();
        figures.put("Violations", summary.group(1) == null ? 0 : Integer.parseInt(summary.group(1)));
        figures.put("Total Cost", Integer.parseInt(summary.group(2)));
        assertThat(figures).as("the validator's figures").hasSize(10);
        return figures;
    }

    private static String resource(String name) {
        try (InputStream in = Itc2007ValidatorTest.class.getResourceAsStream("/itc2007/validator/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
