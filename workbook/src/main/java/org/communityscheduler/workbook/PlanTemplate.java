package org.communityscheduler.workbook;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.communityscheduler.plan.Day;
import org.communityscheduler.text.Language;

/**
 * The plan workbook's layout: one sheet per part of the plan, one column per field, named in Chinese and in
 * English (both are read, whichever the workbook uses). Hours take one column per day (开放时间 周一 … 周日),
 * each holding that day's ranges ({@code 08:30-12:00, 14:00-17:30}). The vocabulary of a file format, like
 * JSON's field names: it lives here rather than in the message catalogue.
 */
final class PlanTemplate {

    /**
     * What a cell holds, which decides how it is read and written: a {@code NAME} is kept exactly as typed, spaces
     * and all; other text is taken without the spaces around it, and numbers, dates, times and hours also as typed
     * in full-width forms ({@code ２０}, {@code ０８：３０}).
     */
    enum Kind { NAME, TEXT, WHOLE_NUMBER, YES_NO, LIST, HOURS, DATE, TIME, DAY, NOISE }

    /** A column: the plan field it fills (its day for hours), and its headers. */
    record Column(String field, Day day, Kind kind, String zh, String en) {

        String header(Language language) {
            return language == Language.ZH ? zh : en;
        }

        boolean isNamed(String header) {
            String wanted = normalized(header);
            return wanted.equals(normalized(zh)) || wanted.equals(normalized(en));
        }
    }

    /** How a sheet's rows become plan JSON. */
    enum Shape {
        /** One row: the plan's name and its {@code week}. */
        WEEK,
        /** One row per element of the plan's array {@link Sheet#list}. */
        LIST,
        /** One row per closed date of a site: {@code sites[].closedDates}. */
        CLOSED_DATES,
        /** One row per make-up workday (调休): {@code week.makeUpWorkdays}. */
        MAKE_UP_WORKDAYS,
        /** One row per constraint: {@code constraintWeights}. */
        WEIGHTS
    }

    /** A sheet of the template. */
    record Sheet(String list, Shape shape, String zh, String en, List<Column> columns) {

        String name(Language language) {
            return language == Language.ZH ? zh : en;
        }

        boolean isNamed(String name) {
            String wanted = normalized(name);
            return wanted.equals(normalized(zh)) || wanted.equals(normalized(en));
        }
    }

    static final String[] DAYS_ZH = { "周一", "周二", "周三", "周四", "周五", "周六", "周日" };

    static final Sheet WEEK = new Sheet(null, Shape.WEEK, "周", "Week", List.of(
            name("name", "名称", "name"),
            new Column("startDate", null, Kind.DATE, "开始日期", "startDate"),
            number("slotMinutes", "时段分钟", "slotMinutes"),
            text("timeZone", "时区", "timeZone"),
            number("minBreakMinutes", "最短休息分钟", "minBreakMinutes")));

    static final Sheet SITES = new Sheet("sites", Shape.LIST, "场地", "Sites", columns(
            text("id", "编号", "id"),
            name("name", "名称", "name"),
            hours("openingHours", "开放时间", "openingHours"),
            hours("onRequestHours", "预约开放", "onRequestHours"),
            hours("quietHours", "安静时段", "quietHours")));

    static final Sheet ROOMS = new Sheet("rooms", Shape.LIST, "活动室", "Rooms", columns(
            text("id", "编号", "id"),
            name("name", "名称", "name"),
            text("site", "场地", "site"),
            number("capacity", "容量", "capacity"),
            list("features", "设施", "features"),
            list("adjacentRooms", "相邻活动室", "adjacentRooms"),
            text("group", "分组", "group"),
            hours("openingHours", "开放时间", "openingHours")));

    static final Sheet ORGANIZATIONS = new Sheet("organizations", Shape.LIST, "机构", "Organizations", List.of(
            text("id", "编号", "id"),
            name("name", "名称", "name")));

    static final Sheet WORKERS = new Sheet("workers", Shape.LIST, "社工", "Workers", columns(
            text("id", "编号", "id"),
            name("name", "姓名", "name"),
            text("organization", "机构", "organization"),
            list("sites", "场地", "sites"),
            number("maxMinutesPerDay", "每日上限分钟", "maxMinutesPerDay"),
            hours("workingHours", "工作时间", "workingHours"),
            hours("unavailable", "不可用", "unavailable"),
            number("maxMinutesInARow", "连续上限分钟", "maxMinutesInARow"),
            number("minBreakMinutes", "最短休息分钟", "minBreakMinutes"),
            yesNo("avoidSingleSessionDays", "避免一天只有一场", "avoidSingleSessionDays"),
            yesNo("compactDays", "避免孤立场次", "compactDays")));

    static final Sheet AUDIENCES = new Sheet("audiences", Shape.LIST, "服务对象", "Audiences", columns(
            text("id", "编号", "id"),
            name("name", "名称", "name"),
            hours("availableTimes", "可参加时间", "availableTimes"),
            hours("preferredTimes", "偏好时间", "preferredTimes"),
            number("maxMinutesInARow", "连续上限分钟", "maxMinutesInARow"),
            number("minBreakMinutes", "最短休息分钟", "minBreakMinutes"),
            yesNo("avoidSingleSessionDays", "避免一天只有一场", "avoidSingleSessionDays"),
            yesNo("compactDays", "避免孤立场次", "compactDays")));

    static final Sheet ACTIVITIES = new Sheet("activities", Shape.LIST, "活动", "Activities", columns(
            text("id", "编号", "id"),
            name("name", "名称", "name"),
            text("organization", "机构", "organization"),
            number("durationMinutes", "时长分钟", "durationMinutes"),
            number("sessionsPerWeek", "每周场次", "sessionsPerWeek"),
            number("participants", "人数", "participants"),
            text("audience", "服务对象", "audience"),
            list("audiences", "其他服务对象", "audiences"),
            new Column("noise", null, Kind.NOISE, "噪音", "noise"),
            list("requiredFeatures", "所需设施", "requiredFeatures"),
            list("workers", "社工", "workers"),
            list("allowedSites", "允许场地", "allowedSites"),
            number("priority", "优先级", "priority"),
            number("minDays", "最少天数", "minDays"),
            list("after", "排在这些活动之后", "after"),
            hours("allowedTimes", "允许时间", "allowedTimes"),
            hours("preferredTimes", "偏好时间", "preferredTimes")));

    static final Sheet PINNED = placements("pinned", "固定场次", "Pinned");
    static final Sheet PREVIOUS = placements("previous", "已发布排期", "Previous");

    static final Sheet CLOSED_DATES = new Sheet("sites", Shape.CLOSED_DATES, "休息日", "Closed dates", List.of(
            text("site", "场地", "site"),
            new Column("date", null, Kind.DATE, "日期", "date")));

    /**
     * A sheet of its own rather than columns of 周: a year's make-up days are several rows, kept in every week's
     * workbook like the 休息日 they go with.
     */
    static final Sheet MAKE_UP_WORKDAYS = new Sheet(null, Shape.MAKE_UP_WORKDAYS, "调休", "Make-up workdays",
            List.of(new Column("date", null, Kind.DATE, "日期", "date"),
                    new Column("day", null, Kind.DAY, "按星期", "worked as")));

    static final Sheet WEIGHTS = new Sheet("constraintWeights", Shape.WEIGHTS, "权重", "Weights", List.of(
            text("constraint", "约束", "constraint"),
            text("weight", "权重", "weight")));

    /** In the order a workbook shows them. */
    static final List<Sheet> SHEETS = List.of(WEEK, SITES, ROOMS, ORGANIZATIONS, WORKERS, AUDIENCES, ACTIVITIES,
            PINNED, CLOSED_DATES, MAKE_UP_WORKDAYS, PREVIOUS, WEIGHTS);

    /** What a cell says to mean "none" (an empty list, hours never open), as opposed to a blank: "not given". */
    static final List<String> NONE = List.of("无", "none", "-", "—");

    /**
     * What a yes/no cell may say, as Excel and WPS users type it, whatever its case (a TRUE/FALSE cell is read
     * too); a blank is "not given", which is no.
     */
    static final List<String> YES = List.of("是", "yes", "y", "true", "1", "对", "✓", "✔", "√");
    static final List<String> NO = List.of("否", "no", "n", "false", "0", "不", "✗", "✘", "×");

    private PlanTemplate() {
    }

    static String yesNo(boolean yes, Language language) {
        return language == Language.ZH ? (yes ? "是" : "否") : (yes ? "yes" : "no");
    }

    static String none(Language language) {
        return language == Language.ZH ? "无" : "none";
    }

    static String dayName(Day day, Language language) {
        return language == Language.ZH ? DAYS_ZH[day.ordinal()] : day.name();
    }

    /**
     * Headers and sheet names match whatever their case, width, separators and spaces of any kind (a full-width
     * space, a no-break space, a zero-width one): "开放时间·周一" and "开放时间　周一" are "开放时间 周一".
     */
    static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Z}\\p{Cf}·・._\\-:/()]", "");
    }

    private static Sheet placements(String list, String zh, String en) {
        return new Sheet(list, Shape.LIST, zh, en, List.of(
                text("activity", "活动", "activity"),
                number("session", "场次", "session"),
                text("room", "活动室", "room"),
                new Column("day", null, Kind.DAY, "星期", "day"),
                new Column("start", null, Kind.TIME, "开始", "start")));
    }

    private static Column name(String field, String zh, String en) {
        return new Column(field, null, Kind.NAME, zh, en);
    }

    private static Column text(String field, String zh, String en) {
        return new Column(field, null, Kind.TEXT, zh, en);
    }

    private static Column number(String field, String zh, String en) {
        return new Column(field, null, Kind.WHOLE_NUMBER, zh, en);
    }

    private static Column yesNo(String field, String zh, String en) {
        return new Column(field, null, Kind.YES_NO, zh, en);
    }

    private static Column list(String field, String zh, String en) {
        return new Column(field, null, Kind.LIST, zh, en);
    }

    /** Marks a group of seven day columns; {@link #columns} expands it. */
    private static Column hours(String field, String zh, String en) {
        return new Column(field, null, Kind.HOURS, zh, en);
    }

    private static List<Column> columns(Column... columns) {
        List<Column> all = new ArrayList<>();
        for (Column column : columns) {
            if (column.kind() != Kind.HOURS) {
                all.add(column);
                continue;
            }
            for (Day day : Day.values()) {
                all.add(new Column(column.field(), day, Kind.HOURS, column.zh() + " " + DAYS_ZH[day.ordinal()],
                        column.en() + " " + day.name()));
            }
        }
        return List.copyOf(all);
    }
}
