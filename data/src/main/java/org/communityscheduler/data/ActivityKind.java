package org.communityscheduler.data;

import org.communityscheduler.plan.Noise;

/**
 * What organisations run in community centres, with the habits that shape a realistic week: loud
 * children's and teenagers' groups at weekends or in the evening, quiet counselling in private
 * rooms on weekdays, elders' groups on the ground floor, trainings with a projector.
 */
enum ActivityKind {

    CHILDREN_GROUP(Noise.LOUD, Times.WEEKENDS_AND_EVENINGS, new int[] { 60, 90 }, new int[] { 1, 1, 2 }, 8, 20,
            new String[][] { {}, { "mats" } }, "children", 0.5, 2, 5, 12, 0.15,
            new String[][] { { "kids-growth", "儿童成长小组" }, { "kids-reading", "儿童绘本阅读会" },
                    { "after-school", "四点半课堂" }, { "kids-art", "少儿美术班" } }),
    TEEN_GROUP(Noise.LOUD, Times.WEEKENDS_AND_EVENINGS, new int[] { 90, 120 }, new int[] { 1, 1, 2 }, 8, 24,
            new String[][] { {}, { "mats" } }, "teens", 0.4, 2, 5, 8, 0.2,
            new String[][] { { "teen-club", "青少年成长小组" }, { "teen-sports", "青少年体能训练营" },
                    { "teen-drama", "青少年戏剧工作坊" } }),
    FAMILY_EVENT(Noise.LOUD, Times.WEEKENDS_AND_EVENINGS, new int[] { 120, 150 }, new int[] { 1 }, 20, 50,
            new String[][] { { "ground-floor" } }, null, 0, 1, 4, 3, 0.5,
            new String[][] { { "family-day", "亲子活动日" }, { "kids-fair", "儿童游园会" } }),
    COUNSELLING(Noise.QUIET, Times.WEEKDAY_DAYTIME, new int[] { 60 }, new int[] { 1, 1, 2, 3 }, 1, 3,
            new String[][] { { "private" } }, null, 0, 5, 8, 16, 0,
            new String[][] { { "case-counselling", "个案辅导" }, { "psych-counselling", "心理咨询" },
                    { "family-counselling", "家庭关系辅导" } }),
    ELDERS_GROUP(Noise.NORMAL, Times.WEEKDAY_DAYTIME, new int[] { 60, 90 }, new int[] { 1, 2, 2, 3 }, 8, 30,
            new String[][] { { "ground-floor" } }, "elders", 0.7, 3, 6, 14, 0.1,
            new String[][] { { "elders-health", "长者健康小组" }, { "elders-choir", "长者合唱团" },
                    { "elders-crafts", "长者手工坊" }, { "taichi", "太极拳班" }, { "memory-cafe", "记忆咖啡馆" } }),
    TRAINING(Noise.QUIET, Times.WORKDAYS_AND_SATURDAY, new int[] { 120, 180 }, new int[] { 1 }, 10, 30,
            new String[][] { { "projector" } }, "volunteers", 0.4, 2, 5, 5, 0.3,
            new String[][] { { "volunteer-training", "志愿者培训" }, { "supervision", "社工督导" },
                    { "first-aid", "急救知识培训" } }),
    MEETING(Noise.NORMAL, Times.WEEKDAYS_AND_EVENINGS, new int[] { 60, 90 }, new int[] { 1 }, 6, 20,
            new String[][] { {}, { "projector" } }, "residents", 0.3, 1, 3, 8, 0.3,
            new String[][] { { "residents-council", "居民议事会" }, { "project-meeting", "项目例会" },
                    { "case-conference", "个案研讨会" } }),
    COOKING(Noise.NORMAL, Times.WORKDAYS_AND_SATURDAY, new int[] { 90, 120 }, new int[] { 1 }, 6, 14,
            new String[][] { { "kitchen" } }, "elders", 0.3, 2, 4, 4, 0.2,
            new String[][] { { "nutrition-kitchen", "长者营养厨房" }, { "cooking-class", "社区厨艺课" } }),
    COMMUNITY_EVENT(Noise.NORMAL, Times.ANY, new int[] { 90, 120 }, new int[] { 1 }, 15, 50,
            new String[][] { {}, { "projector" } }, null, 0, 1, 3, 4, 0.3,
            new String[][] { { "culture-activity", "社区文化活动" }, { "legal-aid", "法律咨询进社区" },
                    { "health-talk", "健康讲座" } }),
    PEER_GROUP(Noise.NORMAL, Times.WEEKDAY_DAYTIME, new int[] { 90 }, new int[] { 1, 2 }, 6, 15,
            new String[][] { {} }, null, 0, 2, 4, 5, 0.1,
            new String[][] { { "women-crafts", "妇女手工小组" }, { "disability-support", "残障人士互助小组" } }),
    /** A class's weekly lessons of one subject at the course shape's college; never drawn for community centres. */
    LESSON(Noise.NORMAL, Times.PERIODS, new int[] { 45 }, new int[] { 1, 2, 2, 3 }, 12, 35,
            new String[][] { {} }, "class", 1, 1, 5, 0, 0, new String[][] { { "lesson", "课程" } });

    /** When an activity of a kind may take place: the template its allowed times are cut from. */
    enum Times {
        WEEKDAY_DAYTIME("08:00-18:00", null, null),
        WORKDAYS_AND_SATURDAY("08:00-18:00", "08:00-18:00", null),
        WEEKDAYS_AND_EVENINGS("08:00-21:30", null, null),
        WEEKENDS_AND_EVENINGS("17:30-21:30", "08:00-21:30", "08:00-21:30"),
        /** Any time: its activities state no allowed times. */
        ANY("00:00-24:00", "00:00-24:00", "00:00-24:00"),
        /** The college's period grid: 45-minute lessons on the hour, a 15-minute break after each. */
        PERIODS("08:00-08:45,09:00-09:45,10:00-10:45,11:00-11:45,14:00-14:45,15:00-15:45,16:00-16:45", null, null);

        private final boolean[] slots = WeekSlots.none();

        Times(String weekdays, String saturday, String sunday) {
            for (int day = 0; day < 5; day++) {
                WeekSlots.add(slots, day, weekdays.split(","));
            }
            if (saturday != null) {
                WeekSlots.add(slots, 5, saturday);
            }
            if (sunday != null) {
                WeekSlots.add(slots, 6, sunday);
            }
        }

        boolean[] slots() {
            return slots;
        }
    }

    final Noise noise;
    final Times times;
    final int[] durations;
    /** Sessions per week, one drawn at random (repeats weigh a choice). */
    final int[] sessionsPerWeek;
    final int minParticipants;
    final int maxParticipants;
    final String[][] featureOptions;
    /** The kind of participant group that cannot be in two places at once, per site; null for none. */
    final String audience;
    final double audienceChance;
    final int minPriority;
    final int maxPriority;
    /** How common the kind is, relative to the others. */
    final int weight;
    final double secondWorkerChance;
    /** {slug, Chinese name} of the activities of this kind. */
    final String[][] variants;

    ActivityKind(Noise noise, Times times, int[] durations, int[] sessionsPerWeek, int minParticipants,
            int maxParticipants, String[][] featureOptions, String audience, double audienceChance, int minPriority,
            int maxPriority, int weight, double secondWorkerChance, String[][] variants) {
        this.noise = noise;
        this.times = times;
        this.durations = durations;
        this.sessionsPerWeek = sessionsPerWeek;
        this.minParticipants = minParticipants;
        this.maxParticipants = maxParticipants;
        this.featureOptions = featureOptions;
        this.audience = audience;
        this.audienceChance = audienceChance;
        this.minPriority = minPriority;
        this.maxPriority = maxPriority;
        this.weight = weight;
        this.secondWorkerChance = secondWorkerChance;
        this.variants = variants;
    }

    boolean isLoud() {
        return noise == Noise.LOUD;
    }
}
