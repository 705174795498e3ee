package org.communityscheduler.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.communityscheduler.text.Text;

/**
 * Opening and saving {@code .xlsx} files, within bounds: a workbook is a zip, and a small one can unpack to
 * gigabytes (a zip bomb). A workbook may unpack to at most {@link #MAX_UNPACKED_BYTES} in all, each part to
 * {@link #MAX_PART_BYTES} and, past its first 100 KB, to at most 100 times its packed size, in at most
 * {@link #MAX_PARTS} parts; unpacking stops at the first byte past a bound. The parts are then read as a stream
 * ({@link WorkbookFile}), never as a tree of every cell: a week of 8 000 sessions, a 430 KB workbook whose largest
 * sheet unpacks to 3.3 MB, is read in a heap of less than 150 MB, and one at the bounds (40 MB of small cells) in
 * about 400 MB, so at most {@link #AT_ONCE} workbooks are read at a time and the others wait.
 */
final class Workbooks {

    static final long MAX_PART_BYTES = 20L * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 40L * 1024 * 1024;
    static final int MAX_PARTS = 200;
    /** A part past its first 100 KB must keep at least 1 % of its size packed, as POI's ZipSecureFile asks. */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;
    private static final double MIN_PACKED_RATIO = 0.01;
    static final int AT_ONCE = 2;
    private static final Semaphore OPENING = new Semaphore(AT_ONCE, true);
    /** At most this many rows a sheet: more than the most activities, sessions or rooms a plan may hold. */
    static final int MAX_ROWS = 100_000;

    private Workbooks() {
    }

    /**
     * Reads the workbook with {@code reader}, or throws {@link Unreadable} saying why it cannot be read
     * ({@link Unreadable#tooLarge()} for a bomb).
     */
    static <T> T read(byte[] xlsx, Function<WorkbookFile, T> reader) {
        OPENING.acquireUninterruptibly();
        try {
            return reader.apply(WorkbookFile.of(unpack(xlsx)));
        } finally {
            OPENING.release();
        }
    }

    /** The parts by name in lower case (names in a workbook are not case-sensitive), unpacked within the bounds. */
    private static Map<String, byte[]> unpack(byte[] xlsx) {
        Map<String, byte[]> parts = new HashMap<>();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        CountingInputStream packed = new CountingInputStream(new ByteArrayInputStream(xlsx));
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (parts.size() >= MAX_PARTS) {
                    throw Unreadable.tooLarge();
                }
                long packedAtStart = packed.count;
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    part.write(buffer, 0, read);
                    total += read;
                    if (part.size() > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES
                            || part.size() > RATIO_GRACE_BYTES
                                    && packed.count - packedAtStart < part.size() * MIN_PACKED_RATIO) {
                        throw Unreadable.tooLarge();
                    }
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (parts.put(name.startsWith("/") ? name.substring(1) : name, part.toByteArray()) != null) {
                    throw Unreadable.broken(); // one name twice: which is the workbook's is anyone's guess
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Unreadable.broken();
        }
        return parts;
    }

    static byte[] bytes(XSSFWorkbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packed bytes read so far. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = super.read(b, off, len);
            count += Math.max(read, 0);
            return read;
        }
    }

    /** Why the bytes, or a sheet of them, cannot be read as a workbook: said where it happened. */
    static final class Unreadable extends RuntimeException {
        private final transient Text text;

        Unreadable(Text text) {
            super(text.toString(), null, false, false);
            this.text = text;
        }

        /** Not a workbook, or a broken one. */
        static Unreadable broken() {
            return new Unreadable(Text.of("workbook.unreadable"));
        }

        /** Unpacking past the bounds. */
        static Unreadable tooLarge() {
            return new Unreadable(Text.of("workbook.tooLarge", Long.toString(MAX_UNPACKED_BYTES >> 20),
                    Long.toString(MAX_PART_BYTES >> 20)));
        }

        Text text() {
            return text;
        }
    }
}
