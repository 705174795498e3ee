package org.communityscheduler.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A workbook's parts (the XML files in its zip) rewritten as a hostile operator would, where Excel and POI would
 * never write them: {@code Parts.edit(workbook, "xl/sharedStrings.xml", xml -> xml.replace(...))}.
 */
final class Parts {

    private Parts() {
    }

    /** The workbook with one part's text changed (a part it does not have is edited from ""). */
    static byte[] edit(byte[] xlsx, String name, UnaryOperator<String> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    found = true;
                    zip.write(edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
            }
            if (!found) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(edit.apply("").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook with one part's text replaced. */
    static byte[] replace(byte[] xlsx, String name, String xml) {
        return edit(xlsx, name, old -> xml);
    }

    /** A worksheet part with these rows inside its sheetData, and {@code after} after it. */
    static String worksheet(CharSequence rows, String after) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + rows + "</sheetData>" + after + "</worksheet>";
    }

    /** A row of inline-string cells from column A, 1-based: {@code row(2, "teens", "青少年小组")}. */
    static String row(int number, String... texts) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int c = 0; c < texts.length; c++) {
            row.append("<c r=\"").append((char) ('A' + c)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(texts[c]).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }
}
