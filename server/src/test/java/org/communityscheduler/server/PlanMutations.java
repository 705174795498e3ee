package org.communityscheduler.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.communityscheduler.plan.Day;
import org.communityscheduler.plan.Json;
import org.communityscheduler.plan.Rule;
import org.communityscheduler.plan.TimeOfDay;

/**
 * Broken and hostile versions of a good plan, from a seed: cut short, bytes flipped, invalid UTF-8,
 * duplicate keys, a value of the wrong type, enormous numbers, deep nesting, huge strings and arrays,
 * weights and dates at the limits; and schedules at the day's edge for an analysis.
 */
final class PlanMutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD_TEXT = { "", " ", "null", "-1", "MOON", "25:00-26:00", "09:00-08:00",
            "2026-02-30", "\u0000", "\uD83D\uDE00", "<script>alert(1)</script>", "../../etc/passwd", "1e309",
            "08:30-12:00", "MON", "LOUD" };

    private final List<String> plans;
    private final Random random;

    PlanMutations(List<String> plans, long seed) {
        this.plans = plans;
        this.random = new Random(seed);
    }

    /** One mutated plan, as the bytes a client would send. */
    byte[] next() {
        String plan = plans.get(random.nextInt(plans.size()));
        int kind = random.nextInt(14);
        return switch (kind) {
            case 0 -> utf8(plan.substring(0, random.nextInt(plan.length()))); // truncated
            case 1 -> utf8(replaceChar(plan)); // one character changed
            case 2 -> invalidUtf8(utf8(plan));
            case 3 -> utf8(duplicateKey(plan));
            case 4 -> utf8(nested(plan, 20 + random.nextInt(200)));
            case 5 -> utf8(hugeNumber(plan));
            case 6, 7, 8 -> write(mutateTree(read(plan), 1 + random.nextInt(4)));
            case 9 -> utf8(plan + (random.nextBoolean() ? "{}" : " ,"));
            case 10 -> write(hugeValue(read(plan)));
            case 12 -> write(weightAtTheLimit(read(plan)));
            case 13 -> write(dateAtTheLimit(read(plan)));
            default -> utf8(plan.replace("\"", random.nextBoolean() ? "'" : "\"\""));
        };
    }

    private String replaceChar(String plan) {
        char[] chars = plan.toCharArray();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            chars[random.nextInt(chars.length)] = "{}[]:,\"0a-\\ \n".charAt(random.nextInt(13));
        }
        return new String(chars);
    }

    private byte[] invalidUtf8(byte[] plan) {
        byte[] broken = plan.clone();
        byte[] bad = { (byte) 0xC3, (byte) 0xFF, (byte) 0x80, (byte) 0xED, (byte) 0xA0 };
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            broken[random.nextInt(broken.length)] = bad[random.nextInt(bad.length)];
        }
        return broken;
    }

    private String duplicateKey(String plan) {
        String[] keys = { "\"id\": ", "\"name\": ", "\"rooms\": ", "\"capacity\": ", "\"durationMinutes\": " };
        String key = keys[random.nextInt(keys.length)];
        int at = plan.indexOf(key);
        return at < 0 ? "{\"name\": 1, \"name\": 2}" : plan.substring(0, at) + key + "1, " + plan.substring(at);
    }

    private static String nested(String plan, int depth) {
        return "{\"activities\": " + "[".repeat(depth) + "]".repeat(depth) + ", \"x\": " + plan + "}";
    }

    private String hugeNumber(String plan) {
        String[] numbers = { "1e999999", "-99999999999999999999999999999", "1" + "0".repeat(1200), "NaN", "0x10",
                "1.5", "-0", "2147483648" };
        return plan.replaceFirst("\"(capacity|durationMinutes|sessionsPerWeek|slotMinutes|priority)\": \\d+",
                "\"$1\": " + numbers[random.nextInt(numbers.length)]);
    }

    private JsonNode mutateTree(JsonNode root, int times) {
        for (int i = 0; i < times; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode container = containers.get(random.nextInt(containers.size()));
            if (container instanceof ObjectNode object && object.size() > 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(5) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, oddValue());
                }
            } else if (container instanceof ArrayNode array && array.size() > 0) {
                int index = random.nextInt(array.size());
                if (random.nextInt(4) == 0) {
                    array.add(array.get(index).deepCopy()); // a duplicate id, most of the time
                } else {
                    array.set(index, oddValue());
                }
            }
        }
        return root;
    }

    private JsonNode hugeValue(JsonNode root) {
        ObjectNode plan = (ObjectNode) root;
        switch (random.nextInt(3)) {
            case 0 -> plan.put("name", "x".repeat(200_000 + random.nextInt(1_000_000)));
            case 1 -> {
                ArrayNode features = NODES.arrayNode();
                for (int i = 0; i < 50_000; i++) {
                    features.add("f" + i);
                }
                ((ObjectNode) plan.withArray("rooms").get(0)).set("features", features);
            }
            default -> {
                ObjectNode activity = (ObjectNode) plan.withArray("activities").get(0);
                activity.put("sessionsPerWeek", 100);
                ArrayNode activities = plan.withArray("activities");
                for (int i = 0; i < 300; i++) {
                    activities.add(activity.deepCopy().put("id", "copy-" + i));
                }
            }
        }
        return plan;
    }

    /** A constraint weight at, just past or far past what the score arithmetic holds. */
    private JsonNode weightAtTheLimit(JsonNode root) {
        String[] weights = { "9223372036854775807", "0hard/0medium/9223372036854775807soft", "100000", "100001",
                "-1", "0hard/100000medium/0soft", "100001hard/0medium/0soft", "0hard/0medium/-9223372036854775808soft",
                "100000hard/100000medium/100000soft" };
        Rule rule = Rule.values()[random.nextInt(Rule.values().length)];
        ((ObjectNode) root).withObject("/constraintWeights").put(rule.title(), weights[random.nextInt(weights.length)]);
        return root;
    }

    /** A start date or closed date at the edges of what java.time and the plan's range hold. */
    private JsonNode dateAtTheLimit(JsonNode root) {
        String[] dates = { "+999999999-12-27", "-999999999-01-01", "0000-01-01", "1999-12-27", "2000-01-03",
                "2100-12-27", "2100-12-31", "2101-01-03", "9999-12-27" };
        String date = dates[random.nextInt(dates.length)];
        if (random.nextBoolean()) {
            ((ObjectNode) root).withObject("/week").put("startDate", date);
        } else {
            JsonNode sites = root.path("sites");
            if (sites.isArray() && !sites.isEmpty()) {
                ((ObjectNode) sites.get(0)).withArray("closedDates").add(date);
            }
        }
        return root;
    }

    /**
     * {"plan": one of the plans, "schedule": ...} whose sessions sit at the day's edge: ending exactly at 24:00,
     * passing it by one slot, starting at 23:59 or at 24:00; or at any minute that fits the day, in any room.
     */
    byte[] analysisAtTheDaysEdge() {
        ObjectNode plan = (ObjectNode) read(plans.get(random.nextInt(plans.size())));
        ArrayNode sessions = NODES.arrayNode();
        JsonNode activities = plan.path("activities");
        JsonNode rooms = plan.path("rooms");
        int slot = plan.path("week").path("slotMinutes").asInt(15);
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            JsonNode activity = activities.get(random.nextInt(activities.size()));
            int duration = activity.path("durationMinutes").asInt(60);
            int start = switch (random.nextInt(5)) {
                case 0 -> 1_440 - duration;
                case 1 -> 1_440 - duration + slot;
                case 2 -> 1_439;
                case 3 -> 1_440;
                default -> random.nextInt(1_440 - duration + 1); // any minute, off the grid and outside every hour
            };
            sessions.add(NODES.objectNode().put("activity", activity.path("id").asText())
                    .put("session", 1 + random.nextInt(activity.path("sessionsPerWeek").asInt(1)))
                    .put("room", rooms.get(random.nextInt(rooms.size())).path("id").asText())
                    .put("day", Day.values()[random.nextInt(7)].name())
                    .put("start", TimeOfDay.format(Math.max(0, start))));
        }
        ObjectNode body = NODES.objectNode();
        body.set("plan", plan);
        body.set("schedule", NODES.objectNode().set("sessions", sessions));
        return write(body);
    }

    private JsonNode oddValue() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1000));
            case 2 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.arrayNode().add(ODD_TEXT[random.nextInt(ODD_TEXT.length)]);
            case 5 -> NODES.objectNode().put("MON", ODD_TEXT[random.nextInt(ODD_TEXT.length)]);
            case 6 -> NODES.numberNode(new java.math.BigInteger("9".repeat(40)));
            default -> NODES.textNode(ODD_TEXT[random.nextInt(ODD_TEXT.length)]);
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), containers);
            }
            if (node.isArray()) {
                node.forEach(child -> collect(child, containers));
            }
        }
    }

    private static JsonNode read(String plan) {
        try {
            return Json.MAPPER.readTree(plan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
