package org.communityscheduler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.communityscheduler.data.DemoPlans;
import org.junit.jupiter.api.Test;

/** {@code --lang zh|en}: the command line speaks the coordinator's language, LANG's when not told. */
class LanguageOptionTest extends CommandTest {

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void validateReportsEveryProblemInChinese() throws IOException {
        Path plan = write("broken.json", """
                {"sites": [{"id": "s", "openingHours": {"MOON": ["09:00-10:00"]}}],
                 "rooms": [{"id": "r", "site": "nowhere", "capacity": 10}],
                 "activities": [{"id": "a", "durationMinutes": 60, "workers": ["wang"]}]}
                """);

        assertThat(run("validate", plan.toString(), "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(stdout()).contains("sites[0].openingHours.MOON: 未知的星期“MOON”")
                .contains("rooms[0].site: 未知服务点“nowhere”")
                .contains("activities[0].workers[0]: 未知社工“wang”")
                .contains("3 处错误：计划无效。");
    }

    @Test
    void validateSaysAValidPlanIsValidInChinese() throws IOException {
        Path plan = write("sample.json", DemoPlans.json(DemoPlans.DEFAULT).orElseThrow());

        assertThat(run("validate", plan.toString(), "--lang", "zh")).isEqualTo(Main.OK);
        assertThat(stdout()).contains("计划有效：").contains("个场次").contains("间活动室");
    }

    @Test
    void solveWritesTheWeekAndWhyASessionIsOutInChinese() throws IOException {
        Path plan = write("small.json", """
                {"name": "小周", "sites": [{"id": "s", "name": "黄河社区", "openingHours": {"MON": ["09:00-12:00"]}}],
                 "rooms": [{"id": "hall", "name": "多功能厅", "capacity": 10}],
                 "activities": [{"id": "choir", "name": "合唱团", "durationMinutes": 60, "participants": 50},
                                {"id": "talk", "name": "健康讲座", "durationMinutes": 60}]}
                """);

        run("solve", plan.toString(), "--time-limit", "1s", "--lang", "zh");

        assertThat(stdout()).contains("得分").contains("已安排 1 / 2 个场次").contains("周一").contains("健康讲座")
                .contains("未安排").contains("它有 50 名参与者，但可用的最大活动室只能容纳 10 人")
                .contains("未安排的场次");
        assertThat(stderr()).contains("警告 activities[0]: “合唱团”无论如何都无法安排").contains("正在排期 小周");
    }

    @Test
    void englishWhenAskedAndAnUnknownLanguageIsBadInput() throws IOException {
        Path plan = write("sample.json", DemoPlans.json(DemoPlans.DEFAULT).orElseThrow());

        assertThat(run("validate", plan.toString(), "--lang", "en")).isEqualTo(Main.OK);
        assertThat(stdout()).contains("The plan is valid: 40 sessions of");
        assertThat(run("validate", plan.toString(), "--lang", "fr")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).contains("--lang must be zh or en, not \"fr\"");
    }

    @Test
    void generateAndImportSpeakTheLanguageAskedToo() throws IOException {
        assertThat(run("generate", "--tightness", "much", "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).isEqualTo("错误：--tightness 必须是数字，而不是“much”" + System.lineSeparator());
        clearStderr();
        assertThat(run("generate", "--lang", "zh")).isEqualTo(Main.OK);
        assertThat(stderr()).startsWith("已生成 S，种子 1：请求 ").contains("活动室占用");
        clearStderr();
        Path broken = write("broken.ctt", "Name: x\n");
        assertThat(run("import-itc2007", broken.toString(), "--lang", "zh")).isEqualTo(Main.BAD_INPUT);
        assertThat(stderr()).endsWith("处错误：未写入任何内容。" + System.lineSeparator());
    }
}
