package org.communityscheduler.workbook;

import java.time.LocalDate;

import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A workbook typed as a coordinator would: {@code new Sheets().sheet("活动", "编号").row("teens")}. */
final class Sheets {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private Sheet current;

    /** A new sheet with its header row. */
    Sheets sheet(String name, String... headers) {
        current = workbook.createSheet(name);
        return row(headers);
    }

    /** Dates from here on in the 1904 date system, as Excel for Mac saves them. */
    Sheets date1904() {
        var ct = workbook.getCTWorkbook();
        (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
        return this;
    }

    /**
     * A row of the current sheet: numbers as numbers, booleans as TRUE/FALSE, dates as Excel dates, a
     * {@link FormulaError} as that error ({@code #DIV/0!}), the rest as text, null as a blank cell.
     */
    Sheets row(Object... values) {
        Row row = current.createRow(current.getPhysicalNumberOfRows());
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (values[c] instanceof Boolean yes) {
                row.createCell(c).setCellValue(yes);
            } else if (values[c] instanceof FormulaError error) {
                row.createCell(c).setCellErrorValue(error.getCode());
            } else if (values[c] instanceof LocalDate date) {
                row.createCell(c).setCellValue(date);
            } else if (values[c] != null) {
                row.createCell(c).setCellValue(values[c].toString());
            }
        }
        return this;
    }

    byte[] bytes() {
        return Workbooks.bytes(workbook);
    }
}
