package org.communityscheduler.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The places and people of a generated week before any activity exists: community centres with
 * staff hours (a lunch break, some Saturday or Sunday hours, evening shifts, evenings on request,
 * weekday quiet hours, the odd closed day), their rooms, the organisations and their social workers.
 */
final class Community {

    /** Staff hours on weekdays: morning and afternoon, with the lunch break between. */
    private static final String[][] WEEKDAY_HOURS = {
            { "08:30-11:30", "13:30-17:30" }, { "08:30-12:00", "14:00-17:30" },
            { "08:00-12:00", "14:00-18:00" }, { "09:00-12:00", "13:30-17:00" } };
    private static final String[][] SATURDAY_HOURS = {
            { "09:00-12:00", "14:00-17:00" }, { "09:00-16:00" }, { "08:30-12:00", "13:30-16:30" } };
    private static final String[][] SUNDAY_HOURS = { { "09:00-12:00" }, { "14:00-17:30" }, { "09:00-16:00" } };
    private static final String[] EVENING_SHIFTS = { "18:00-20:30", "18:30-21:00" };
    private static final String[] NARROW_QUIET_HOURS = { "09:00-11:30", "14:00-17:00" };

    final List<SiteDraft> sites = new ArrayList<>();
    final List<RoomDraft> rooms = new ArrayList<>();
    final List<OrganizationDraft> organizations = new ArrayList<>();
    final List<WorkerDraft> workers = new ArrayList<>();

    static final class SiteDraft {
        int index;
        String id;
        String name;
        /** The community's name without "社区服务中心", to tell rooms and activities of many sites apart. */
        String shortName;
        String[] weekdayHours;
        String[] saturdayHours;
        String[] sundayHours;
        String eveningShift;
        final boolean[] eveningDays = new boolean[5];
        final boolean[] opening = WeekSlots.none();
        final boolean[] onRequest = WeekSlots.none();
        final boolean[] quiet = WeekSlots.none();
        /** 0..6, a day of the week the centre stays shut; -1 for none. */
        int closedDay = -1;
        final List<RoomDraft> rooms = new ArrayList<>();

        boolean hasWeekendHours() {
            return saturdayHours != null || sundayHours != null;
        }

        boolean hasEveningShifts() {
            return eveningShift != null;
        }
    }

    static final class RoomDraft {
        int index;
        String id;
        String name;
        SiteDraft site;
        int capacity;
        List<String> features;
        final List<RoomDraft> adjacent = new ArrayList<>();
        String group;
        /** Narrower hours of this room; null when it keeps the site's. */
        boolean[] hours;
        /** Staff hours of its site within its own hours, closed days removed: where sessions are planted. */
        boolean[] open;
        /** This room, its adjacent rooms and its group: the rooms its noise reaches. */
        List<RoomDraft> hearing;
    }

    static final class OrganizationDraft {
        int index;
        String id;
        String name;
        final List<WorkerDraft> workers = new ArrayList<>();
    }

    enum WorkPattern {
        /** Monday to Friday, the centre's staff hours. */
        STANDARD,
        /** Works the weekend, with weekdays off instead. */
        WEEKEND,
        /** Afternoon and evening on the centre's evening-shift days. */
        EVENING,
        /** Three days of paperwork (unavailable for activities) and two days of service. */
        PAPERWORK
    }

    static final class WorkerDraft {
        int index;
        String id;
        String name;
        OrganizationDraft organization;
        /** Home site first; a few workers also cover a second site. */
        final List<SiteDraft> sites = new ArrayList<>();
        WorkPattern pattern;
        final boolean[] working = WeekSlots.none();
        final boolean[] unavailable = WeekSlots.none();
        int maxMinutesPerDay;
    }

    private enum RoomKind {
        HALL("hall", "多功能厅", 40, 80, "projector", "ground-floor"),
        COUNSELLING("counselling", "心理咨询室", 3, 6, "private"),
        CHILDREN("children-room", "儿童之家", 15, 25, "mats", "ground-floor"),
        MEETING("meeting-room", "会议室", 10, 20, "projector"),
        ELDERS("elders-room", "老年活动室", 20, 35, "ground-floor"),
        KITCHEN("kitchen", "共享厨房", 10, 16, "kitchen", "ground-floor"),
        ACTIVITY("activity-room", "活动室", 15, 30),
        DANCE("dance-room", "舞蹈室", 20, 30, "mats"),
        READING("reading-room", "阅览室", 10, 20),
        CLASSROOM("classroom", "培训教室", 20, 40, "projector");

        final String slug;
        final String name;
        final int minCapacity;
        final int maxCapacity;
        final List<String> features;

        RoomKind(String slug, String name, int minCapacity, int maxCapacity, String... features) {
            this.slug = slug;
            this.name = name;
            this.minCapacity = minCapacity;
            this.maxCapacity = maxCapacity;
            this.features = List.of(features);
        }
    }

    /** Every centre has these, in this order, as far as its room count goes. */
    private static final RoomKind[] FIRST_ROOMS = { RoomKind.COUNSELLING, RoomKind.HALL, RoomKind.CHILDREN,
            RoomKind.MEETING, RoomKind.ELDERS, RoomKind.KITCHEN };
    private static final RoomKind[] MORE_ROOMS = { RoomKind.ACTIVITY, RoomKind.ACTIVITY, RoomKind.COUNSELLING,
            RoomKind.COUNSELLING, RoomKind.DANCE, RoomKind.READING, RoomKind.CLASSROOM, RoomKind.ELDERS,
            RoomKind.MEETING, RoomKind.CHILDREN };

    private final SplittableRandom random;
    private final Names names;

    private Community(SplittableRandom random, Names names) {
        this.random = random;
        this.names = names;
    }

    static Community create(InstanceSize size, SplittableRandom random, Names names) {
        Community community = new Community(random, names);
        community.createSites(size.sites);
        community.createRooms(between(random, size.minRooms, size.maxRooms));
        community.createOrganizations(between(random, size.minOrganizations, size.maxOrganizations));
        community.createWorkers(between(random, size.minWorkers, size.maxWorkers));
        return community;
    }

    /** The course shape's college building's weekday hours: its period grid fills them. */
    private static final String[] COLLEGE_HOURS = { "08:00-12:00", "14:00-17:00" };
    /** Its rooms, in this order as far as the room count goes, then classrooms. */
    private static final RoomKind[] COLLEGE_ROOMS = { RoomKind.CLASSROOM, RoomKind.CLASSROOM, RoomKind.DANCE,
            RoomKind.ACTIVITY, RoomKind.KITCHEN, RoomKind.CLASSROOM, RoomKind.DANCE, RoomKind.ACTIVITY };

    /**
     * The course shape's seniors' college: one building (three campuses at L) open on weekdays, a
     * few rooms, its departments (the organisations) and teachers who work the college's hours.
     */
    static Community college(InstanceSize size, SplittableRandom random, Names names) {
        Community college = new Community(random, names);
        int campuses = size == InstanceSize.L ? 3 : 1;
        int rooms = switch (size) {
            case S -> 4;
            case M -> 10;
            default -> 30;
        };
        for (int i = 0; i < campuses; i++) {
            SiteDraft site = new SiteDraft();
            site.index = i;
            String[] community = names.community(i);
            site.shortName = community[0];
            site.name = campuses == 1 ? "滨州市老年大学" : "滨州市老年大学" + community[0] + "校区";
            site.id = campuses == 1 ? names.unique("college") : "college-" + community[1];
            site.weekdayHours = COLLEGE_HOURS;
            for (int day = 0; day < 5; day++) {
                WeekSlots.add(site.opening, day, COLLEGE_HOURS);
            }
            college.sites.add(site);
        }
        int[] perSite = college.spread(rooms, campuses, 3);
        for (SiteDraft site : college.sites) {
            List<RoomKind> seen = new ArrayList<>();
            for (int i = 0; i < perSite[site.index]; i++) {
                RoomKind kind = i < COLLEGE_ROOMS.length ? COLLEGE_ROOMS[i] : RoomKind.CLASSROOM;
                seen.add(kind);
                int number = (int) seen.stream().filter(k -> k == kind).count();
                college.addRoom(site, kind, number == 1 ? null : Integer.toString(number),
                        number == 1 ? "" : Integer.toString(number), between(random, kind.minCapacity, kind.maxCapacity),
                        null);
            }
        }
        college.finishRooms();
        return college;
    }

    /** A department of the college, with the organisation's id and name. */
    OrganizationDraft department(String id, String name) {
        OrganizationDraft department = new OrganizationDraft();
        department.index = organizations.size();
        department.id = names.unique(id);
        department.name = name;
        organizations.add(department);
        return department;
    }

    /** A teacher of the department at the campus, working the college's hours. */
    WorkerDraft teacher(OrganizationDraft department, SiteDraft campus) {
        WorkerDraft teacher = new WorkerDraft();
        teacher.index = workers.size();
        String[] name = names.person(random.nextInt(Names.surnames()), random.nextInt(Names.givenNames()));
        teacher.name = name[0];
        teacher.id = name[1];
        teacher.organization = department;
        department.workers.add(teacher);
        teacher.sites.add(campus);
        teacher.pattern = WorkPattern.STANDARD;
        workingHours(teacher, false);
        teacher.maxMinutesPerDay = 480;
        workers.add(teacher);
        return teacher;
    }

    static int between(SplittableRandom random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    static <T> T pick(SplittableRandom random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    static <T> void shuffle(SplittableRandom random, List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swapped);
        }
    }

    private void createSites(int count) {
        for (int i = 0; i < count; i++) {
            SiteDraft site = new SiteDraft();
            site.index = i;
            String[] community = names.community(i);
            site.shortName = community[0];
            site.name = community[0] + "社区服务中心";
            site.id = community[1];
            site.weekdayHours = pick(random, WEEKDAY_HOURS);
            site.saturdayHours = random.nextDouble() < 0.7 ? pick(random, SATURDAY_HOURS) : null;
            site.sundayHours = random.nextDouble() < 0.35 ? pick(random, SUNDAY_HOURS) : null;
            if (random.nextDouble() < 0.6) {
                site.eveningShift = pick(random, EVENING_SHIFTS);
                site.eveningDays[random.nextInt(5)] = true;
                site.eveningDays[random.nextInt(5)] = true;
            }
            if (!site.hasWeekendHours() && !site.hasEveningShifts()) {
                site.saturdayHours = SATURDAY_HOURS[0];
            }
            boolean narrowQuiet = random.nextDouble() < 0.3;
            for (int day = 0; day < 5; day++) {
                WeekSlots.add(site.opening, day, site.weekdayHours);
                WeekSlots.add(site.quiet, day, narrowQuiet ? NARROW_QUIET_HOURS : site.weekdayHours);
                if (site.eveningDays[day]) {
                    WeekSlots.add(site.opening, day, site.eveningShift);
                } else if (random.nextDouble() < 0.4) {
                    WeekSlots.add(site.onRequest, day, "18:00-20:30");
                }
            }
            if (site.saturdayHours != null) {
                WeekSlots.add(site.opening, 5, site.saturdayHours);
            }
            if (site.sundayHours != null) {
                WeekSlots.add(site.opening, 6, site.sundayHours);
            } else if (random.nextDouble() < 0.3) {
                WeekSlots.add(site.onRequest, 6, "09:00-12:00");
            }
            if (random.nextDouble() < 0.15) {
                site.closedDay = random.nextInt(5);
            }
            sites.add(site);
        }
    }

    private void createRooms(int count) {
        int[] perSite = spread(count, sites.size(), 3);
        for (SiteDraft site : sites) {
            List<RoomKind> kinds = new ArrayList<>();
            for (int i = 0; i < perSite[site.index]; i++) {
                kinds.add(i < FIRST_ROOMS.length ? FIRST_ROOMS[i] : pick(random, MORE_ROOMS));
            }
            boolean splitHall = kinds.size() >= 5 && random.nextDouble() < 0.3;
            if (splitHall) {
                kinds.remove(kinds.size() - 1); // the hall's two halves count as two rooms
            }
            List<RoomKind> seen = new ArrayList<>();
            for (RoomKind kind : kinds) {
                seen.add(kind);
                int number = (int) seen.stream().filter(k -> k == kind).count();
                if (kind == RoomKind.HALL && splitHall) {
                    // A hall with a folding wall: two rooms of one group, noise carries across.
                    addRoom(site, kind, "east", "东", between(random, 20, 40), "hall");
                    addRoom(site, kind, "west", "西", between(random, 20, 40), "hall");
                } else {
                    addRoom(site, kind, number == 1 ? null : Integer.toString(number),
                            number == 1 ? "" : Integer.toString(number),
                            between(random, kind.minCapacity, kind.maxCapacity), null);
                }
            }
            for (int i = 0; i + 1 < site.rooms.size(); i++) {
                RoomDraft room = site.rooms.get(i);
                double chance = room.features.contains("private") ? 0.5 : 0.35;
                if (random.nextDouble() < chance) {
                    room.adjacent.add(site.rooms.get(i + 1));
                    site.rooms.get(i + 1).adjacent.add(room);
                }
            }
        }
        finishRooms();
    }

    /** Where each room's sessions can be planted and whose noise it hears. */
    private void finishRooms() {
        for (RoomDraft room : rooms) {
            room.open = room.hours == null ? room.site.opening.clone()
                    : WeekSlots.and(room.site.opening, room.hours);
            if (room.site.closedDay >= 0) {
                WeekSlots.fill(room.open, room.site.closedDay * WeekSlots.PER_DAY,
                        (room.site.closedDay + 1) * WeekSlots.PER_DAY, false);
            }
            List<RoomDraft> hearing = new ArrayList<>();
            hearing.add(room);
            for (RoomDraft other : room.site.rooms) {
                boolean grouped = room.group != null && room.group.equals(other.group);
                if (other != room && (room.adjacent.contains(other) || grouped)) {
                    hearing.add(other);
                }
            }
            room.hearing = hearing;
        }
    }

    private void addRoom(SiteDraft site, RoomKind kind, String idSuffix, String nameSuffix, int capacity,
            String group) {
        RoomDraft room = new RoomDraft();
        room.index = rooms.size();
        room.site = site;
        String slug = idSuffix == null ? kind.slug : kind.slug + "-" + idSuffix;
        room.id = names.unique(sites.size() == 1 ? slug : site.id + "-" + slug);
        room.name = (sites.size() == 1 ? "" : site.shortName + "·") + kind.name + nameSuffix;
        room.capacity = capacity;
        List<String> features = new ArrayList<>(kind.features);
        if (kind == RoomKind.ACTIVITY && random.nextDouble() < 0.4) {
            features.add("mats");
        }
        if ((kind == RoomKind.ACTIVITY || kind == RoomKind.READING) && random.nextDouble() < 0.5) {
            features.add("ground-floor");
        }
        room.features = List.copyOf(features);
        room.group = group;
        if (kind == RoomKind.KITCHEN && random.nextDouble() < 0.4
                || kind == RoomKind.COUNSELLING && random.nextDouble() < 0.3) {
            // The canteen and some counselling rooms are only used on weekdays in the daytime.
            room.hours = WeekSlots.none();
            for (int day = 0; day < 5; day++) {
                WeekSlots.add(room.hours, day, "08:00-18:00");
            }
        }
        site.rooms.add(room);
        rooms.add(room);
    }

    /** {@code total} split over {@code parts}, each at least {@code min}, unevenly like real centres. */
    private int[] spread(int total, int parts, int min) {
        int[] counts = new int[parts];
        double average = (double) total / parts;
        int sum = 0;
        for (int i = 0; i < parts; i++) {
            counts[i] = parts == 1 ? total : Math.max(min, (int) Math.round(average * (0.6 + 0.8 * random.nextDouble())));
            sum += counts[i];
        }
        while (sum != total) {
            int i = random.nextInt(parts);
            if (sum < total) {
                counts[i]++;
                sum++;
            } else if (counts[i] > min) {
                counts[i]--;
                sum--;
            }
        }
        return counts;
    }

    private void createOrganizations(int count) {
        List<Integer> combinations = new ArrayList<>();
        for (int i = 0; i < Names.organizationCombinations(); i++) {
            combinations.add(i);
        }
        shuffle(random, combinations);
        for (int i = 0; i < count; i++) {
            OrganizationDraft organization = new OrganizationDraft();
            organization.index = i;
            String[] name = names.organization(combinations.get(i % combinations.size()));
            organization.name = name[0];
            organization.id = name[1];
            organizations.add(organization);
        }
    }

    private void createWorkers(int count) {
        List<SiteDraft> homes = new ArrayList<>(sites);
        shuffle(random, homes);
        double[] weights = new double[organizations.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.sqrt(i + 1);
            total += weights[i];
        }
        for (int i = 0; i < count; i++) {
            WorkerDraft worker = new WorkerDraft();
            worker.index = i;
            String[] name = names.person(random.nextInt(Names.surnames()), random.nextInt(Names.givenNames()));
            worker.name = name[0];
            worker.id = name[1];
            worker.organization = i < organizations.size() ? organizations.get(i) : organizations.get(weighted(weights, total));
            worker.organization.workers.add(worker);
            SiteDraft home = homes.get(i % homes.size());
            worker.sites.add(home);
            if (sites.size() > 1 && random.nextDouble() < 0.2) {
                worker.sites.add(sites.get((home.index + 1) % sites.size()));
            }
            double pattern = random.nextDouble();
            worker.pattern = pattern < 0.15 ? WorkPattern.PAPERWORK
                    : pattern < 0.45 && home.hasWeekendHours() ? WorkPattern.WEEKEND
                    : pattern < 0.65 && home.hasEveningShifts() ? WorkPattern.EVENING
                    : WorkPattern.STANDARD;
            worker.maxMinutesPerDay = random.nextDouble() < 0.1 ? 240 : 480;
            workers.add(worker);
        }
        // Loud groups need someone who works weekends or evenings at every centre.
        for (SiteDraft site : sites) {
            List<WorkerDraft> local = workers.stream().filter(w -> w.sites.get(0) == site).toList();
            boolean covered = local.stream().anyMatch(w -> w.pattern == WorkPattern.WEEKEND || w.pattern == WorkPattern.EVENING);
            if (!covered && !local.isEmpty()) {
                local.get(0).pattern = site.hasWeekendHours() ? WorkPattern.WEEKEND : WorkPattern.EVENING;
            }
        }
        for (WorkerDraft worker : workers) {
            workingHours(worker, true);
        }
    }

    /**
     * A new worker of the site's staff whose working hours cover the slots {@code from} to {@code to}
     * (weekday, weekend or evening hours, no standing meeting); null when no work pattern does.
     */
    WorkerDraft hire(SiteDraft site, int from, int to) {
        for (WorkPattern pattern : List.of(WorkPattern.STANDARD, WorkPattern.WEEKEND, WorkPattern.EVENING)) {
            WorkerDraft worker = new WorkerDraft();
            worker.sites.add(site);
            worker.pattern = pattern;
            workingHours(worker, false);
            boolean covers = true;
            for (int slot = from; covers && slot < to; slot++) {
                covers = worker.working[slot];
            }
            if (covers) {
                worker.index = workers.size();
                String[] name = names.person(random.nextInt(Names.surnames()), random.nextInt(Names.givenNames()));
                worker.name = name[0];
                worker.id = name[1];
                worker.organization = organizations.get(random.nextInt(organizations.size()));
                worker.organization.workers.add(worker);
                worker.maxMinutesPerDay = 480;
                workers.add(worker);
                return worker;
            }
        }
        return null;
    }

    private int weighted(double[] weights, double total) {
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The pattern's hours at the worker's home site; with {@code meetings}, now and then a standing meeting. */
    private void workingHours(WorkerDraft worker, boolean meetings) {
        SiteDraft home = worker.sites.get(0);
        boolean[] weekdays = { true, true, true, true, true };
        switch (worker.pattern) {
            case WEEKEND -> {
                weekdays[0] = false;
                if (home.saturdayHours != null && home.sundayHours != null) {
                    weekdays[1] = false;
                }
                if (home.saturdayHours != null) {
                    WeekSlots.add(worker.working, 5, home.saturdayHours);
                }
                if (home.sundayHours != null) {
                    WeekSlots.add(worker.working, 6, home.sundayHours);
                }
            }
            case PAPERWORK -> {
                List<Integer> days = new ArrayList<>(List.of(0, 1, 2, 3, 4));
                shuffle(random, days);
                for (int day : days.subList(0, 3)) {
                    WeekSlots.add(worker.unavailable, day, "08:00-18:00");
                }
            }
            default -> {
            }
        }
        for (int day = 0; day < 5; day++) {
            if (!weekdays[day]) {
                continue;
            }
            if (worker.pattern == WorkPattern.EVENING && home.eveningDays[day]) {
                WeekSlots.add(worker.working, day, home.weekdayHours[1], home.eveningShift);
            } else {
                WeekSlots.add(worker.working, day, home.weekdayHours);
            }
        }
        if (meetings && worker.pattern != WorkPattern.PAPERWORK && random.nextDouble() < 0.25) {
            // A standing team meeting or training: the worker is not available for activities.
            int day = random.nextInt(5);
            if (weekdays[day]) {
                WeekSlots.add(worker.unavailable, day, random.nextBoolean() ? "14:00-16:00" : "08:30-10:00");
            }
        }
    }
}
