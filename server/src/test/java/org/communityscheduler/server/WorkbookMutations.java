package org.communityscheduler.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Broken and hostile versions of good plan workbooks, from a seed, as a hostile operator would make them: the zip
 * cut short or its bytes changed, a part missing or its XML cut short, a DOCTYPE, XML nested 200 000 deep, a text
 * of a million characters and more, error values and formulas without results in cells, shared strings that are
 * not there, rows out of order, a sheet named twice, the 1904 date system, odd texts in cells.
 */
final class WorkbookMutations {

    private static final String[] ODD_TEXT = { "", " ", "-1", "２０", "08:30－12:00", "08:30-12:00 14:00-17:30",
            "2026-11-31", "2026/02/29", "#N/A", "\u0000", "_xD800_", "\uD83D\uDE00", "<b>", "1e309", "无", "是",
            "周八", "容量（人）", "编号\u00A0", "开放时间\u3000周一", "\t青少年 " };
    private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+\\d+)\"([^>]*)>(.*?)</c>");
    private static final Pattern SHARED_STRING = Pattern.compile("<t>([^<]*)</t>");

    private final List<byte[]> workbooks;
    private final Random random;

    WorkbookMutations(List<byte[]> workbooks, long seed) {
        this.workbooks = workbooks;
        this.random = new Random(seed);
    }

    /** One mutated workbook, as the bytes a client would send. */
    byte[] next() {
        byte[] xlsx = workbooks.get(random.nextInt(workbooks.size()));
        Map<String, byte[]> parts = parts(xlsx);
        List<String> names = new ArrayList<>(parts.keySet());
        String part = names.get(random.nextInt(names.size()));
        String sheet = "xl/worksheets/sheet" + (1 + random.nextInt(12)) + ".xml";
        return switch (random.nextInt(16)) {
            case 0 -> java.util.Arrays.copyOf(xlsx, random.nextInt(xlsx.length)); // cut short
            case 1 -> flipped(xlsx);
            case 2 -> {
                parts.remove(part);
                yield zip(parts);
            }
            case 3 -> edited(xlsx, part, xml -> xml.substring(0, random.nextInt(xml.length() + 1)));
            case 4 -> edited(xlsx, part, xml -> xml.replaceFirst("\\?>",
                    "?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"));
            case 5 -> edited(xlsx, sheet, xml -> xml.replace("<sheetData>", "<sheetData>" + deep(200_000)));
            case 6 -> edited(xlsx, "xl/sharedStrings.xml", xml -> replaceOne(SHARED_STRING, xml,
                    "<t>" + text(1_000_000 + random.nextInt(2) * 200_000) + "</t>"));
            case 7 -> edited(xlsx, sheet, xml -> replaceOne(CELL, xml, "<c r=\"$1\" t=\"e\"><v>#DIV/0!</v></c>"));
            case 8 -> edited(xlsx, sheet, xml -> replaceOne(CELL, xml, "<c r=\"$1\"><f>1/0</f></c>"));
            case 9 -> edited(xlsx, sheet, xml -> replaceOne(CELL, xml, "<c r=\"$1\" t=\"s\"><v>"
                    + (random.nextBoolean() ? 99_999_999 : -1) + "</v></c>"));
            case 10 -> edited(xlsx, sheet, xml -> xml.replaceFirst("<row r=\"2\"", "<row r=\"9\""));
            case 11 -> edited(xlsx, "xl/workbook.xml", xml -> xml.replaceFirst("name=\"[^\"]*\"",
                    "name=\"" + (random.nextBoolean() ? "活动" : "說明") + "\""));
            case 12 -> edited(xlsx, "xl/workbook.xml", xml -> xml.replaceFirst("<sheets>",
                    "<workbookPr date1904=\"1\"/><sheets>"));
            case 13 -> edited(xlsx, sheet, xml -> replaceOne(CELL, xml, "<c r=\"$1\" t=\"inlineStr\"><is><t>"
                    + escaped(ODD_TEXT[random.nextInt(ODD_TEXT.length)]) + "</t></is></c>"));
            case 14 -> edited(xlsx, "xl/sharedStrings.xml", xml -> replaceOne(SHARED_STRING, xml,
                    "<t xml:space=\"preserve\">" + escaped(ODD_TEXT[random.nextInt(ODD_TEXT.length)]) + "</t>"));
            default -> edited(xlsx, sheet, xml -> replaceOne(CELL, xml, "<c r=\"$1\" t=\""
                    + List.of("b", "n", "x", "d", "str").get(random.nextInt(5)) + "\"><v>"
                    + escaped(ODD_TEXT[random.nextInt(ODD_TEXT.length)]) + "</v></c>"));
        };
    }

    /** The workbook with one part's text changed; a part it does not have is made from "". */
    static byte[] edited(byte[] xlsx, String part, UnaryOperator<String> edit) {
        Map<String, byte[]> parts = parts(xlsx);
        String xml = new String(parts.getOrDefault(part, new byte[0]), StandardCharsets.UTF_8);
        parts.put(part, edit.apply(xml).getBytes(StandardCharsets.UTF_8));
        return zip(parts);
    }

    /** Chinese characters at random, the same every run for a length: a long text that packs no smaller than real text. */
    static String text(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    /** Elements nested this deep, their names at random so that they pack like real XML, never closed. */
    private String deep(int depth) {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            xml.append("<x").append(Integer.toHexString(random.nextInt())).append('>');
        }
        return xml.toString();
    }

    /** One match of the pattern, at random, replaced ({@code $1} is its first group). */
    private String replaceOne(Pattern pattern, String xml, String replacement) {
        List<java.util.regex.MatchResult> found = pattern.matcher(xml).results().toList();
        if (found.isEmpty()) {
            return xml;
        }
        java.util.regex.MatchResult one = found.get(random.nextInt(found.size()));
        return xml.substring(0, one.start()) + replacement.replace("$1", one.group(1)) + xml.substring(one.end());
    }

    private byte[] flipped(byte[] xlsx) {
        byte[] copy = xlsx.clone();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\u0000", "&#0;");
    }

    private static Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
