package org.communityscheduler.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import org.communityscheduler.plan.Json;
import org.communityscheduler.text.Text;

/**
 * An unpacked {@code .xlsx} read as a stream of XML events, never as a tree of every cell: its sheets, its date
 * system, its shared strings and, sheet by sheet, each row's cells as they come. The XML reader is POI's safe one
 * (no DOCTYPE, nothing from outside the file); no element may nest deeper than a JSON plan may
 * ({@link Json#MAX_NESTING_DEPTH}), a text is kept to one character more than a JSON string may hold (enough to
 * say it is too long), and a sheet stops being read at its first row past {@link Workbooks#MAX_ROWS}.
 */
final class WorkbookFile {

    /** A sheet: its name, and its part (null for a sheet without cells, such as a chart sheet). */
    record Sheet(String name, String part) {
    }

    /** What a cell holds, as the file says. */
    enum Type {
        TEXT, NUMBER, BOOLEAN,
        /** An error value such as {@code #DIV/0!}, which is its text. */
        ERROR,
        /** A formula whose result was not saved. */
        NO_RESULT,
        /** A value the file gets wrong: a shared string that is not there, a number that is none. */
        UNREADABLE
    }

    /**
     * A cell that is not empty, its row and column from 0, its value as the file has it: a number as written
     * ({@code 46356.5}), a boolean as {@code true} or {@code false}.
     */
    record Cell(int row, int column, Type type, String text) {
    }

    /** Takes the rows of a sheet that have cells, in order; answers whether to go on reading. */
    interface Rows {
        boolean row(int row, List<Cell> cells);
    }

    /** Excel's names are at most 31 characters; a longer one is no sheet of a plan, and is not read. */
    private static final int MAX_SHEET_NAME = 100;
    /** Excel's last column, XFD. */
    private static final int MAX_COLUMN = 16_383;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Map<String, byte[]> parts;
    private final List<Sheet> sheets;
    private final boolean date1904;
    private final List<String> sharedStrings;

    private WorkbookFile(Map<String, byte[]> parts, List<Sheet> sheets, boolean date1904,
            List<String> sharedStrings) {
        this.parts = parts;
        this.sheets = sheets;
        this.date1904 = date1904;
        this.sharedStrings = sharedStrings;
    }

    /** The workbook in these parts (names in lower case), or {@link Workbooks.Unreadable} saying why not. */
    static WorkbookFile of(Map<String, byte[]> parts) {
        String workbook = parts.containsKey("_rels/.rels")
                ? relationships(parts, "").values().stream().filter(r -> r.type().endsWith("/officeDocument"))
                        .map(Relationship::target).findFirst().orElse(null)
                : null;
        if (workbook == null) {
            throw Workbooks.Unreadable.broken();
        }
        Map<String, Relationship> relationships = relationships(parts, workbook);
        WorkbookEvents book = parse(parts.get(workbook), new WorkbookEvents());
        if (!book.isWorkbook) {
            throw Workbooks.Unreadable.broken(); // a Word document or a presentation
        }
        List<Sheet> sheets = new ArrayList<>();
        for (String[] sheet : book.sheets) {
            Relationship relationship = relationships.get(sheet[1]);
            sheets.add(new Sheet(sheet[0], relationship != null && relationship.type().endsWith("/worksheet")
                    ? relationship.target() : null));
        }
        String strings = relationships.values().stream().filter(r -> r.type().endsWith("/sharedStrings"))
                .map(Relationship::target).findFirst().orElse(null);
        List<String> shared = strings == null || !parts.containsKey(strings) ? List.of()
                : parse(parts.get(strings), new SharedStringEvents()).strings;
        return new WorkbookFile(parts, List.copyOf(sheets), book.date1904, shared);
    }

    /** The sheets in the workbook's order. */
    List<Sheet> sheets() {
        return sheets;
    }

    /** Whether its dates count from 1904, as Excel for Mac's did, rather than from 1900. */
    boolean date1904() {
        return date1904;
    }

    /**
     * Gives each row of the sheet that has a cell to {@code rows}, until it answers false or the sheet's data ends.
     *
     * @throws Workbooks.Unreadable when the sheet cannot be read, nests too deep or has too many rows
     */
    void rows(Sheet sheet, Rows rows) {
        if (sheet.part() != null) {
            parse(parts.get(sheet.part()), new SheetEvents(rows, sharedStrings));
        }
    }

    // --- Parts

    private record Relationship(String type, String target) {
    }

    /** The relationships of a part ({@code ""} for the package itself), each target as the name of a part. */
    private static Map<String, Relationship> relationships(Map<String, byte[]> parts, String source) {
        int slash = source.lastIndexOf('/');
        String folder = source.substring(0, slash + 1);
        byte[] rels = parts.get(folder + "_rels/" + source.substring(slash + 1) + ".rels");
        Map<String, Relationship> relationships = new HashMap<>();
        if (rels == null) {
            return relationships;
        }
        parse(rels, new Events() {
            @Override
            void start(String name, Attributes attributes) {
                String id = attributes.getValue("Id");
                String target = attributes.getValue("Target");
                if (name.equals("Relationship") && id != null && target != null
                        && !"External".equals(attributes.getValue("TargetMode"))) {
                    relationships.put(id, new Relationship(String.valueOf(attributes.getValue("Type")),
                            partName(folder, target)));
                }
            }
        });
        return relationships;
    }

    /**
     * A target as a part's name: {@code worksheets/sheet1.xml} from {@code xl/} is
     * {@code xl/worksheets/sheet1.xml}.
     */
    private static String partName(String folder, String target) {
        String decoded = target;
        try {
            decoded = URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // taken as written
        }
        Deque<String> path = new ArrayDeque<>();
        for (String segment : ((decoded.startsWith("/") ? "" : folder) + decoded).split("/")) {
            if (segment.equals("..")) {
                path.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                path.addLast(segment);
            }
        }
        return String.join("/", path).toLowerCase(Locale.ROOT);
    }

    /** Reads a part's XML into {@code events}; a part that is missing or broken makes the workbook unreadable. */
    private static <E extends Events> E parse(byte[] part, E events) {
        if (part == null) {
            throw Workbooks.Unreadable.broken();
        }
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(events);
            reader.parse(new InputSource(new ByteArrayInputStream(part)));
        } catch (SAXException e) {
            Stop stop = stop(e);
            if (stop == null) {
                throw Workbooks.Unreadable.broken();
            }
            if (stop.reason != null) {
                throw stop.reason;
            }
        } catch (Workbooks.Unreadable unreadable) {
            throw unreadable;
        } catch (IOException | ParserConfigurationException | RuntimeException e) {
            throw Workbooks.Unreadable.broken();
        }
        return events;
    }

    private static Stop stop(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t instanceof SAXException sax && sax.getException() != null
                ? sax.getException() : t.getCause()) {
            if (t instanceof Stop stop) {
                return stop;
            }
            if (t.getCause() == t) {
                return null;
            }
        }
        return null;
    }

    /** Ends a reading early: done (no reason), or refused for the reason. */
    private static final class Stop extends SAXException {
        private final transient Workbooks.Unreadable reason;

        Stop(Workbooks.Unreadable reason) {
            this.reason = reason;
        }
    }

    /** XML events by local name (a workbook may prefix its elements, {@code x:row}), no deeper than the bound. */
    private abstract static class Events extends DefaultHandler {
        private int depth;

        @Override
        public final void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (++depth > Json.MAX_NESTING_DEPTH) {
                throw new Stop(new Workbooks.Unreadable(Text.of("workbook.nestedTooDeep", Json.MAX_NESTING_DEPTH)));
            }
            start(localName, attributes);
        }

        @Override
        public final void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            end(localName);
        }

        abstract void start(String name, Attributes attributes) throws SAXException;

        void end(String name) throws SAXException {
        }
    }

    /** Text gathered from elements, kept to one character past the longest a JSON string may be. */
    private static final class Gathered {
        private final StringBuilder text = new StringBuilder();

        void add(char[] ch, int start, int length) {
            int room = Json.MAX_STRING_LENGTH + 1 - text.length();
            text.append(ch, start, Math.max(0, Math.min(length, room)));
        }

        void clear() {
            text.setLength(0);
        }

        boolean isEmpty() {
            return text.length() == 0;
        }

        /** The text, Excel's escapes ({@code _x000D_}) read as POI reads them. */
        String decoded() {
            String raw = text.toString();
            return raw.contains("_x") ? new XSSFRichTextString(raw).getString() : raw;
        }

        String raw() {
            return text.toString();
        }
    }

    /** {@code xl/workbook.xml}: the date system and the sheets, in order. */
    private static final class WorkbookEvents extends Events {
        boolean isWorkbook;
        boolean date1904;
        final List<String[]> sheets = new ArrayList<>();
        private boolean first = true;

        @Override
        void start(String name, Attributes attributes) throws SAXException {
            if (first) {
                isWorkbook = name.equals("workbook");
                first = false;
            } else if (name.equals("workbookPr")) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            } else if (name.equals("sheet")) {
                String sheet = attributes.getValue("name");
                String id = relationshipId(attributes);
                if (sheet == null || sheet.length() > MAX_SHEET_NAME) {
                    throw new Stop(Workbooks.Unreadable.broken());
                }
                sheets.add(new String[] { sheet, id });
            }
        }

        @Override
        void end(String name) throws SAXException {
            if (name.equals("sheets")) {
                throw new Stop(null); // nothing after the sheets is needed
            }
        }

        /** {@code r:id}, in the transitional or the strict relationships namespace. */
        private static String relationshipId(Attributes attributes) {
            for (int i = 0; i < attributes.getLength(); i++) {
                if (attributes.getLocalName(i).equals("id") && attributes.getURI(i).endsWith("relationships")) {
                    return attributes.getValue(i);
                }
            }
            return null;
        }
    }

    /** {@code xl/sharedStrings.xml}: the texts cells share, their phonetic guides left out. */
    private static final class SharedStringEvents extends Events {
        final List<String> strings = new ArrayList<>();
        private final Gathered text = new Gathered();
        private boolean inText;
        private boolean inPhonetic;

        @Override
        void start(String name, Attributes attributes) {
            switch (name) {
                case "si" -> text.clear();
                case "t" -> inText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        void end(String name) {
            switch (name) {
                case "si" -> strings.add(text.isEmpty() ? "" : text.decoded());
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.add(ch, start, length);
            }
        }
    }

    /** A worksheet's {@code sheetData}: rows of cells, each as its type says. */
    private static final class SheetEvents extends Events {
        private final Rows rows;
        private final List<String> sharedStrings;
        private final Gathered value = new Gathered();
        private boolean inData;
        private int row = -1;
        private List<Cell> cells;
        private int column;
        private String type;
        private boolean hasValue;
        private boolean hasFormula;
        private boolean gathering;
        private boolean inInline;
        private boolean inPhonetic;

        SheetEvents(Rows rows, List<String> sharedStrings) {
            this.rows = rows;
            this.sharedStrings = sharedStrings;
        }

        @Override
        void start(String name, Attributes attributes) throws SAXException {
            if (name.equals("sheetData")) {
                inData = true;
            } else if (inData && name.equals("row")) {
                int next = reference(attributes.getValue("r"), false, row + 1);
                if (next <= row) {
                    throw new Stop(Workbooks.Unreadable.broken()); // rows out of order, or one twice
                }
                row = next;
                if (row > Workbooks.MAX_ROWS) {
                    throw new Stop(new Workbooks.Unreadable(
                            Text.of("workbook.tooManyRows", Integer.toString(Workbooks.MAX_ROWS))));
                }
                cells = new ArrayList<>();
                column = -1;
            } else if (cells != null && name.equals("c")) {
                int previous = column;
                column = reference(attributes.getValue("r"), true, previous + 1);
                if (column <= previous) {
                    throw new Stop(Workbooks.Unreadable.broken()); // cells out of order, or one twice
                }
                String t = attributes.getValue("t");
                type = t == null ? "n" : t;
                value.clear();
                hasValue = false;
                hasFormula = false;
            } else if (cells != null) {
                switch (name) {
                    case "v" -> {
                        gathering = true;
                        hasValue = true;
                    }
                    case "f" -> hasFormula = true;
                    case "is" -> {
                        inInline = true;
                        hasValue = true;
                    }
                    case "t" -> gathering = inInline && !inPhonetic;
                    case "rPh" -> inPhonetic = true;
                    default -> {
                    }
                }
            }
        }

        @Override
        void end(String name) throws SAXException {
            switch (name) {
                case "v", "t" -> gathering = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> inInline = false;
                case "c" -> {
                    Cell cell = cells == null ? null : cell();
                    if (cell != null) {
                        cells.add(cell);
                    }
                }
                case "row" -> {
                    if (cells != null && !cells.isEmpty() && !rows.row(row, cells)) {
                        throw new Stop(null);
                    }
                    cells = null;
                }
                case "sheetData" -> throw new Stop(null); // nothing after the data is needed
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (gathering) {
                value.add(ch, start, length);
            }
        }

        /** The cell just read, or null when it holds nothing. */
        private Cell cell() {
            if (!hasValue || value.isEmpty() && !type.equals("inlineStr") && !type.equals("str")) {
                return hasFormula ? new Cell(row, column, Type.NO_RESULT, "") : null;
            }
            String raw = value.raw().strip();
            return switch (type) {
                case "s" -> sharedString(raw);
                case "inlineStr", "str", "d" -> new Cell(row, column, Type.TEXT, value.decoded());
                case "b" -> switch (raw) {
                    case "1", "true" -> new Cell(row, column, Type.BOOLEAN, "true");
                    case "0", "false" -> new Cell(row, column, Type.BOOLEAN, "false");
                    default -> new Cell(row, column, Type.UNREADABLE, raw);
                };
                case "e" -> new Cell(row, column, Type.ERROR, raw);
                case "n" -> raw.length() <= 1_000 && NUMBER.matcher(raw).matches()
                        && Double.isFinite(Double.parseDouble(raw)) ? new Cell(row, column, Type.NUMBER, raw)
                                : new Cell(row, column, Type.UNREADABLE, "");
                default -> new Cell(row, column, Type.UNREADABLE, "");
            };
        }

        private Cell sharedString(String index) {
            try {
                return new Cell(row, column, Type.TEXT, sharedStrings.get(Integer.parseInt(index)));
            } catch (NumberFormatException | IndexOutOfBoundsException notThere) {
                return new Cell(row, column, Type.UNREADABLE, "");
            }
        }

        /**
         * A row's number or a cell's column from its reference ({@code 12} of a row, {@code C} of {@code C12}),
         * from 0; {@code next} when there is none, as a file may leave them out.
         */
        private static int reference(String reference, boolean isCell, int next) throws Stop {
            if (reference == null) {
                return next;
            }
            int letters = 0;
            long number = 0;
            if (isCell) {
                while (letters < reference.length() && letters < 4
                        && (reference.charAt(letters) | 0x20) >= 'a' && (reference.charAt(letters) | 0x20) <= 'z') {
                    number = number * 26 + ((reference.charAt(letters) | 0x20) - 'a' + 1);
                    letters++;
                }
                if (letters == 0 || number - 1 > MAX_COLUMN) {
                    throw new Stop(Workbooks.Unreadable.broken());
                }
                return (int) number - 1;
            }
            try {
                return Math.max(-1, Integer.parseInt(reference) - 1);
            } catch (NumberFormatException notARow) {
                throw new Stop(Workbooks.Unreadable.broken());
            }
        }
    }
}
