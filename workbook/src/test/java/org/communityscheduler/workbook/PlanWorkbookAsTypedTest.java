package org.communityscheduler.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Test;

import org.communityscheduler.model.PlanIntake;
import org.communityscheduler.model.PlanLimits;
import org.communityscheduler.text.Language;

/** A workbook is read exactly as typed, as Excel and WPS users type it: nothing guessed, nothing dropped unsaid. */
class PlanWorkbookAsTypedTest {

    @Test
    void anErrorValueIsAnErrorAtItsCellNotABlank() {
        byte[] workbook = new Sheets()
                .sheet("周", "名称", "开始日期").row("黄河社区", FormulaError.DIV0)
                .sheet("场地", "编号", "开放时间 周一").row("huanghe", "08:30-17:00")
                .sheet("活动室", "编号", "容量").row("hall", FormulaError.REF)
                .sheet("活动", "编号", "时长分钟").row("choir", 60)
                .bytes();

        PlanIntake intake = PlanWorkbook.read(workbook, PlanLimits.NONE).intake();

        assertThat(intake.problems()).extracting(p -> p.path() + ": " + p.message(Language.ZH)).containsExactly(
                "周!B2: 单元格显示错误值 #DIV/0!：请改正它的公式，或直接填写数值",
                "活动室!B2: 单元格显示错误值 #REF!：请改正它的公式，或直接填写数值");
    }
}
