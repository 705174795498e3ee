package org.communityscheduler.workbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Plan;
import org.communityscheduler.schedule.Schedule;
import org.communityscheduler.schedule.Schedule.PlacedSession;
import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;

/**
 * A schedule as a workbook to print or pass on: a summary, the week per room, per worker and per organisation
 * (one row each, one column per day, that day's sessions in the cell), every placed session in a row, and the
 * sessions left out with the reasons. Names come from the plan; every label from the message catalogue.
 */
public final class ScheduleWorkbook {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Language language;
    private final Plan plan;
    private final Schedule schedule;
    private final CellStyle header;
    private final CellStyle wrapped;
    private final Map<String, Plan.Activity> activities = new HashMap<>();
    private final Map<String, Plan.Room> rooms = new HashMap<>();

    private ScheduleWorkbook(Plan plan, Schedule schedule, Language language) {
        this.plan = plan;
        // A schedule read back from a file may leave out an empty list.
        this.schedule = new Schedule(schedule.name(), schedule.score(), schedule.feasible(),
                orEmpty(schedule.sessions()), orEmpty(schedule.unassigned()), orEmpty(schedule.constraints()),
                orEmpty(schedule.workers()), orEmpty(schedule.organizations()), orEmpty(schedule.diagnostics()));
        this.language = language;
        this.header = WorkbookWriter.headerStyle(workbook);
        this.wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        plan.activities().forEach(activity -> activities.put(activity.id(), activity));
        plan.rooms().forEach(room -> rooms.put(room.id(), room));
    }

    /** The schedule of the plan as an {@code .xlsx} workbook, in the language asked for. */
    public static byte[] write(Plan plan, Schedule schedule, Language language) {
        ScheduleWorkbook book = new ScheduleWorkbook(plan, schedule, language);
        book.summary();
        book.rooms();
        book.workers();
        book.organizations();
        book.sessions();
        book.unplaced();
        return Workbooks.bytes(book.workbook);
    }

    private void summary() {
        XSSFSheet sheet = sheet("workbook.schedule.summary", List.of());
        int requested = schedule.sessions().size() + schedule.unassigned().size();
        List<List<String>> rows = List.of(
                List.of(label("workbook.schedule.plan"), schedule.name()),
                List.of(label("workbook.schedule.score"), schedule.score()),
                List.of(label("workbook.schedule.feasible"),
                        label(schedule.feasible() ? "workbook.schedule.yes" : "workbook.schedule.no")),
                List.of(label("workbook.schedule.placedOf"), schedule.sessions().size() + " / " + requested));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            Cell key = row.createCell(0);
            key.setCellValue(rows.get(r).get(0));
            key.setCellStyle(header);
            row.createCell(1).setCellValue(rows.get(r).get(1));
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    /** The week per room: one row per room. */
    private void rooms() {
        XSSFSheet sheet = sheet("workbook.schedule.rooms", withDays(List.of(label("workbook.schedule.site"),
                label("workbook.schedule.room"))));
        int r = 1;
        for (Plan.Room room : plan.rooms()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(siteName(room));
            row.createCell(1).setCellValue(room.name());
            days(row, 2, s -> s.room().equals(room.id()), s -> activityName(s.activity()));
        }
        widths(sheet, 2, 16);
    }

    /** The week per worker: one row per worker, with their minutes and overtime. */
    private void workers() {
        XSSFSheet sheet = sheet("workbook.schedule.workers", withDays(List.of(label("workbook.schedule.worker"),
                label("workbook.schedule.organization"), label("workbook.schedule.minutes"),
                label("workbook.schedule.overtime"))));
        Map<String, Schedule.WorkerLoad> loads = new HashMap<>();
        schedule.workers().forEach(load -> loads.put(load.id(), load));
        int r = 1;
        for (Plan.Worker worker : plan.workers()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(worker.name());
            row.createCell(1).setCellValue(organizationName(worker.organization()));
            Schedule.WorkerLoad load = loads.get(worker.id());
            if (load != null) {
                row.createCell(2).setCellValue(load.activityMinutes());
                row.createCell(3).setCellValue(load.overtimeMinutes());
            }
            days(row, 4, s -> activity(s.activity()).map(a -> a.workers().contains(worker.id())).orElse(false),
                    s -> activityName(s.activity()) + " · " + roomName(s.room()));
        }
        widths(sheet, 4, 16);
    }

    /** The week per organisation: sessions requested and placed (what contracts count), then the days. */
    private void organizations() {
        XSSFSheet sheet = sheet("workbook.schedule.organizations", withDays(List.of(
                label("workbook.schedule.organization"), label("workbook.schedule.requested"),
                label("workbook.schedule.placed"))));
        int r = 1;
        for (Schedule.OrganizationCount count : schedule.organizations()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(organizationName(count.id()));
            row.createCell(1).setCellValue(count.requestedSessions());
            row.createCell(2).setCellValue(count.assignedSessions());
            days(row, 3, s -> activity(s.activity()).map(a -> count.id().equals(a.organization())).orElse(false),
                    s -> activityName(s.activity()) + " · " + roomName(s.room()));
        }
        widths(sheet, 3, 16);
    }

    /** Every placed session in a row, in the order of the week. */
    private void sessions() {
        XSSFSheet sheet = sheet("workbook.schedule.sessions", List.of(label("workbook.schedule.activity"),
                label("workbook.schedule.session"), label("workbook.schedule.organization"),
                label("workbook.schedule.room"), label("workbook.schedule.day"), label("workbook.schedule.date"),
                label("workbook.schedule.start"), label("workbook.schedule.end"),
                label("workbook.schedule.workers.list"),
                label("workbook.schedule.pinned")));
        int r = 1;
        for (PlacedSession session : inWeekOrder(schedule.sessions())) {
            Row row = sheet.createRow(r++);
            Plan.Activity activity = activities.get(session.activity());
            row.createCell(0).setCellValue(activityName(session.activity()));
            row.createCell(1).setCellValue(session.session());
            row.createCell(2).setCellValue(activity == null ? "" : organizationName(activity.organization()));
            row.createCell(3).setCellValue(roomName(session.room()));
            row.createCell(4).setCellValue(PlanTemplate.dayName(session.day(), language));
            row.createCell(5).setCellValue(session.date() == null ? "" : session.date().toString());
            row.createCell(6).setCellValue(session.start().toString());
            row.createCell(7).setCellValue(session.end().toString());
            row.createCell(8).setCellValue(activity == null ? "" : String.join(", ",
                    activity.workers().stream().map(this::workerName).toList()));
            row.createCell(9).setCellValue(session.pinned() ? label("workbook.schedule.yes") : "");
        }
        widths(sheet, 10, 14);
    }

    /** The sessions left out, each with every reason. */
    private void unplaced() {
        XSSFSheet sheet = sheet("workbook.schedule.unplaced", List.of(label("workbook.schedule.activity"),
                label("workbook.schedule.session"), label("workbook.schedule.organization"),
                label("workbook.schedule.reasons")));
        int r = 1;
        for (Schedule.UnassignedSession session : schedule.unassigned()) {
            Row row = sheet.createRow(r++);
            Plan.Activity activity = activities.get(session.activity());
            row.createCell(0).setCellValue(activityName(session.activity()));
            row.createCell(1).setCellValue(session.session());
            row.createCell(2).setCellValue(activity == null ? "" : organizationName(activity.organization()));
            Cell reasons = row.createCell(3);
            reasons.setCellValue(session.reasons().stream().map(reason -> reason.in(language))
                    .collect(Collectors.joining("\n")));
            reasons.setCellStyle(wrapped);
        }
        widths(sheet, 3, 18);
        sheet.setColumnWidth(3, 90 * 256);
    }

    // --- Parts

    private XSSFSheet sheet(String code, List<String> headers) {
        XSSFSheet sheet = workbook.createSheet(label(code));
        if (!headers.isEmpty()) {
            Row row = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
            }
            sheet.createFreezePane(0, 1);
        }
        return sheet;
    }

    /** The headers, then one per day: {@code 周一 11-30} when the week has dates. */
    private List<String> withDays(List<String> headers) {
        List<String> all = new ArrayList<>(headers);
        LocalDate start = plan.week().startDate();
        for (Day day : Day.values()) {
            String name = PlanTemplate.dayName(day, language);
            all.add(start == null ? name : name + " " + start.plusDays(day.ordinal()).toString().substring(5));
        }
        return all;
    }

    /** From column {@code first}, a cell per day with the matching sessions of that day, one a line. */
    private void days(Row row, int first, Predicate<PlacedSession> belongs, Function<PlacedSession, String> what) {
        for (Day day : Day.values()) {
            List<String> lines = inWeekOrder(schedule.sessions()).stream()
                    .filter(s -> s.day() == day && belongs.test(s))
                    .map(s -> s.start() + "-" + s.end() + " " + what.apply(s)).toList();
            Cell cell = row.createCell(first + day.ordinal());
            cell.setCellStyle(wrapped);
            if (!lines.isEmpty()) {
                cell.setCellValue(String.join("\n", lines));
            }
        }
    }

    private static List<PlacedSession> inWeekOrder(List<PlacedSession> sessions) {
        return sessions.stream().sorted(Comparator.comparing(PlacedSession::day)
                .thenComparing(PlacedSession::start).thenComparing(PlacedSession::room)).toList();
    }

    private static void widths(XSSFSheet sheet, int columns, int width) {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, width * 256);
        }
        for (int c = columns; c < columns + Day.values().length; c++) {
            sheet.setColumnWidth(c, 28 * 256);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private String label(String code) {
        return Text.of(code).in(language);
    }

    private java.util.Optional<Plan.Activity> activity(String id) {
        return java.util.Optional.ofNullable(activities.get(id));
    }

    private String activityName(String id) {
        return activity(id).map(Plan.Activity::name).orElse(id);
    }

    private String roomName(String id) {
        Plan.Room room = rooms.get(id);
        return room == null ? id : room.name();
    }

    private String siteName(Plan.Room room) {
        String site = room.site() != null ? room.site() : plan.sites().isEmpty() ? "" : plan.sites().get(0).id();
        return plan.sites().stream().filter(s -> s.id().equals(site)).map(Plan.Site::name).findFirst().orElse(site);
    }

    private String workerName(String id) {
        return plan.workers().stream().filter(w -> w.id().equals(id)).map(Plan.Worker::name).findFirst().orElse(id);
    }

    private String organizationName(String id) {
        if (id == null) {
            return "";
        }
        return plan.organizations().stream().filter(o -> o.id().equals(id)).map(Plan.Organization::name).findFirst()
                .orElse(id);
    }
}
