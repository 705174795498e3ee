package org.communityscheduler.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

import org.communityscheduler.plan.Diagnostic;
import org.communityscheduler.plan.Problem;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.communityscheduler.workbook.PlanTemplate.Column;
import org.communityscheduler.workbook.PlanTemplate.Sheet;
import org.communityscheduler.workbook.WorkbookFile.Cell;

/**
 * A sheet's rows as they are read: its header row, the first of its first {@link #HEADER_SEARCH_ROWS} rows that
 * names one of its columns (a title may stand above it), which column is which field, and then each row with
 * something in a column read. What is wrong with the headers is said at their cells.
 */
final class SheetRows implements WorkbookFile.Rows {

    /** The rows searched for the header row: a title and a blank line or two may stand above it. */
    static final int HEADER_SEARCH_ROWS = 10;

    /** A row under the header: its cells in the columns read, in order. */
    record Row(int row, List<Cell> cells) {

        Cell cell(int column) {
            for (Cell cell : cells) {
                if (cell.column() == column) {
                    return cell;
                }
            }
            return null;
        }
    }

    private final Sheet spec;
    private final String name;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int searched;
    /** The first cell with something in it, or null for an empty sheet. */
    private Cell first;
    private int header = -1;
    private Map<Integer, Column> columns = Map.of();
    /** Every header cell's text by column ("" for one that cannot be read): where a missing column is said. */
    private final Map<Integer, String> headers = new HashMap<>();
    private final List<Row> data = new ArrayList<>();

    SheetRows(Sheet spec, String name) {
        this.spec = spec;
        this.name = name;
    }

    @Override
    public boolean row(int row, List<Cell> cells) {
        if (header >= 0) {
            List<Cell> kept = new ArrayList<>();
            for (Cell cell : cells) {
                if (columns.containsKey(cell.column()) && !CellValues.isBlank(cell)) {
                    kept.add(cell);
                }
            }
            if (!kept.isEmpty()) {
                data.add(new Row(row, kept));
            }
            return true;
        }
        if (cells.stream().allMatch(CellValues::isBlank)) {
            return true;
        }
        if (first == null) {
            first = cells.stream().filter(cell -> !CellValues.isBlank(cell)).findFirst().orElseThrow();
        }
        if (cells.stream().map(CellValues::text)
                .anyMatch(text -> text != null && spec.columns().stream().anyMatch(column -> column.isNamed(text)))) {
            header = row;
            readHeaders(cells);
            if (header != first.row()) {
                diagnostics.add(Diagnostic.info(at(first.row(), 0), Text.of("workbook.headerRow", header + 1)));
            }
            return true;
        }
        return ++searched < HEADER_SEARCH_ROWS;
    }

    /** Which column is which field; unknown headers are ignored with a warning. */
    private void readHeaders(List<Cell> row) {
        Map<Integer, Column> found = new LinkedHashMap<>();
        Map<Column, String> seen = new HashMap<>();
        for (Cell cell : row) {
            String at = at(cell.row(), cell.column());
            Text wrong = CellValues.wrong(cell);
            if (wrong != null) {
                problems.add(new Problem(at, wrong));
                headers.put(cell.column(), "");
                continue;
            }
            String text = CellValues.text(cell);
            if (text == null) {
                continue;
            }
            headers.put(cell.column(), text);
            Column column = spec.columns().stream().filter(c -> c.isNamed(text)).findFirst().orElse(null);
            if (column == null) {
                diagnostics.add(Diagnostic.warning(at, Text.of("workbook.unknownColumn", CellValues.shown(text))));
            } else if (seen.containsKey(column)) {
                problems.add(new Problem(at, Text.of("workbook.duplicateColumn", CellValues.shown(text),
                        seen.get(column))));
            } else {
                seen.put(column, at);
                found.put(cell.column(), column);
            }
        }
        columns = found;
    }

    /** Whether the sheet has something in it but no header row, which {@link #noHeaderRow()} says. */
    boolean lacksHeaderRow() {
        return header < 0 && first != null;
    }

    Problem noHeaderRow() {
        return new Problem(at(first.row(), 0), Text.of("workbook.noHeaderRow", first.row() + 1, HEADER_SEARCH_ROWS,
                spec.columns().get(0).header(language())));
    }

    /** The columns read, by their index. */
    Map<Integer, Column> columns() {
        return columns;
    }

    /** The rows under the header with something in a column read. */
    List<Row> data() {
        return data;
    }

    /** What is wrong with the headers, at their cells. */
    List<Problem> problems() {
        return problems;
    }

    /** The columns ignored, and where the header row is when rows stand above it. */
    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * For each column of the sheet it lacks, by list and field ({@code rooms.capacity}), the problem to say once
     * should its rows need it: at the header that looks like it ({@code 容量（人）} for {@code 容量}), or else at the
     * first free cell of the header row.
     */
    Map<String, Problem> missingColumns() {
        Map<String, Problem> missing = new HashMap<>();
        int free = headers.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (Column column : spec.columns()) {
            if (column.day() != null || columns.containsValue(column)) {
                continue;
            }
            String wanted = column.header(language());
            int where = headers.entrySet().stream()
                    .filter(h -> !h.getValue().isEmpty() && !columns.containsKey(h.getKey()))
                    .filter(h -> PlanTemplate.normalized(h.getValue()).contains(PlanTemplate.normalized(wanted)))
                    .mapToInt(Map.Entry::getKey).min().orElse(free);
            missing.put(spec.list() + "." + column.field(),
                    new Problem(at(header, where), Text.of("workbook.missingColumn", wanted)));
        }
        return missing;
    }

    /** The language of the sheet's headers, by its name: Chinese unless it is named in English. */
    private Language language() {
        return PlanTemplate.normalized(name).equals(PlanTemplate.normalized(spec.en())) ? Language.EN : Language.ZH;
    }

    private String at(int row, int column) {
        return name + "!" + new CellReference(row, column).formatAsString(false);
    }
}
