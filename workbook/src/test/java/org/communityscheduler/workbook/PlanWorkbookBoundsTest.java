package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Problem;

/**
 * A workbook is held to the limits a JSON plan is held to, at its cells, and a hostile one costs no more than the
 * README says: it is read as a stream and refused as soon as it passes a bound, never read whole first.
 */
class PlanWorkbookBoundsTest {

    @Test
    void aTextLongerThanJsonTakesIsRefusedAtItsCell() {
        byte[] workbook = withActivityName(text(Json.MAX_STRING_LENGTH + 1));

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::toString).containsExactly(
                "活动!B2: the plan is too large or too deeply nested: a string longer than 1000000 characters");
    }

    @Test
    void aTextAsLongAsJsonTakesIsTakenAndReadsBackFromTheJsonAJobKeeps() {
        PlanWorkbook.Reading reading = PlanWorkbook.read(withActivityName(text(Json.MAX_STRING_LENGTH)),
                PlanLimits.NONE);

        assertThat(reading.intake().problems()).isEmpty();
        PlanIntake again = PlanIntake.read(reading.json(), PlanLimits.NONE);
        assertThat(again.problems()).isEmpty();
        assertThat(again.plan()).isEqualTo(reading.intake().plan());
    }

    @Test
    void aConstraintNameLongerThanJsonTakesAsAFieldNameIsRefusedAtItsCell() {
        byte[] workbook = Parts.edit(plan().sheet("权重", "约束", "权重").row("LONG", 5).bytes(),
                "xl/sharedStrings.xml", xml -> xml.replace(">LONG<", ">" + text(Json.MAX_NAME_LENGTH + 1) + "<"));

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::toString).containsExactly(
                "权重!A2: the plan is too large or too deeply nested: a field name longer than 50000 characters");
    }

    @Test
    void cellsSharingOneLongTextHoldNoMoreThanTheWorkbookMayUnpackTo() {
        Sheets sheets = sitesAndRooms().sheet("活动", "编号", "名称", "时长分钟");
        for (int i = 0; i < 50; i++) {
            sheets.row("a" + i, "LONG", 60);
        }
        // 50 cells show one 900 000-character text: 45 million characters, from a part of 2.7 MB.
        byte[] workbook = Parts.edit(sheets.bytes(), "xl/sharedStrings.xml",
                xml -> xml.replace(">LONG<", ">" + text(900_000) + "<"));

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::code).containsExactly("workbook.tooMuchText");
        assertThat(intake.problems().get(0).path()).matches("活动!B\\d+");
    }

    @Test
    void manySharedStringsCostLittleToRead() {
        StringBuilder unused = new StringBuilder();
        for (int i = 0; i < 700_000; i++) {
            unused.append("<si><t>s").append(i).append("</t></si>");
        }
        byte[] workbook = Parts.edit(plan().bytes(), "xl/sharedStrings.xml",
                xml -> xml.replace("</sst>", unused + "</sst>"));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        System.out.printf("700 000 shared strings (%d KB packed): %d MB allocated while reading%n",
                workbook.length / 1024, allocated >> 20);
        assertThat(intake.problems()).isEmpty();
        assertThat(allocated).as("bytes allocated while reading").isLessThan(300L << 20);
    }

    @Test
    void aSheetIsRefusedAtTheFirstRowPastTheBoundNotReadToItsEnd() {
        StringBuilder rows = new StringBuilder(Parts.row(1, "编号", "时长分钟"));
        for (int r = 2; r <= Workbooks.MAX_ROWS + 2; r++) {
            rows.append(Parts.row(r, "a" + r, "60"));
        }
        // Past the row that passes the bound the XML is broken: read to its end, it would be unreadable instead.
        byte[] workbook = Parts.replace(plan().bytes(), "xl/worksheets/sheet3.xml",
                Parts.worksheet(rows + "<broken", ""));

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::toString)
                .containsExactly("活动: the sheet has more than 100000 rows; it is not read");
    }

    @Test
    void xmlNestedDeeperThanJsonMayBeIsRefusedAsSoonAsItIsTooDeep() {
        // 200 000 elements deep inside the sheet's data, and then broken XML that only a reader to the end would see.
        StringBuilder deep = new StringBuilder();
        for (String name : text(200_000).split("")) {
            deep.append("<x").append(Integer.toHexString(name.charAt(0))).append('>');
        }
        deep.append("<broken");
        byte[] workbook = Parts.replace(plan().bytes(), "xl/worksheets/sheet3.xml",
                Parts.worksheet(Parts.row(1, "编号", "时长分钟") + Parts.row(2, "choir", "60") + deep, ""));

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(Problem::toString).containsExactly(
                "活动: its XML nests deeper than 64 levels, far deeper than any workbook's; it is not read");
    }

    @Test
    void aDoctypeIsRefusedWithoutFloodingTheLog() {
        String doctype = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
        byte[] workbook = plan().bytes();
        for (String part : new String[] { "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml" }) {
            workbook = Parts.edit(workbook, part, xml -> xml.replaceFirst("\\?>", "?>" + doctype));
        }
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PlanIntake intake;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();
        } finally {
            System.setErr(err);
        }

        assertThat(intake.problems()).extracting(Problem::code).containsExactly("workbook.unreadable");
        assertThat(logged.toString(StandardCharsets.UTF_8).lines()).as("logged").hasSizeLessThanOrEqualTo(1);
    }

    /** A small valid plan: sheets 场地, 活动室 and 活动 (xl/worksheets/sheet3.xml). */
    private static Sheets plan() {
        return sitesAndRooms().sheet("活动", "编号", "时长分钟").row("choir", 60);
    }

    private static Sheets sitesAndRooms() {
        return new Sheets()
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", 40);
    }

    /**
     * Chinese characters drawn at random, the same every run: a text that packs no smaller than real text does,
     * where a repeated one would be refused as a zip bomb before its cell is read.
     */
    private static String text(int length) {
        java.util.Random random = new java.util.Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    private static byte[] withActivityName(String name) {
        return Parts.edit(sitesAndRooms().sheet("活动", "编号", "名称", "时长分钟").row("choir", "LONG", 60).bytes(),
                "xl/sharedStrings.xml", xml -> xml.replace(">LONG<", ">" + name + "<"));
    }
}
