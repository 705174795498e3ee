package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV export's formula guard, cell by cell: what a spreadsheet would run is quoted, the rest kept as it is. */
class ScheduleExportsTest {

    @ParameterizedTest
    @ValueSource(strings = { "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", " =1", "  +1", "\u3000=1",
            "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)", " \uFF1D1", "\n", "\tplain" })
    void aCellASpreadsheetWouldRunIsQuoted(String cell) {
        assertThat(ScheduleExports.Row.safe(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = { "青少年戏剧工作坊", "Teen club", " Teen club", "a=b", "1-2", "Room 2 (A+B)", "中心周例会 #2" })
    void anOrdinaryCellIsKept(String cell) {
        assertThat(ScheduleExports.Row.safe(cell)).isEqualTo(cell);
    }
}
