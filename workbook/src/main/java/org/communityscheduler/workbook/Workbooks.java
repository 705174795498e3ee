package org.communityscheduler.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opening and saving {@code .xlsx} files, within bounds: a workbook is a zip, and a small one can unpack to
 * gigabytes (a zip bomb). A workbook may unpack to at most {@link #MAX_UNPACKED_BYTES} in all, each part to
 * {@link #MAX_PART_BYTES} and at least 1 % of it packed, in at most {@link #MAX_PARTS} parts; the bytes are
 * unpacked once to count before POI, which holds every part in memory, sees them. A week of 8 000 sessions
 * is a sheet of 3.3 MB, read in a heap of 150 MB; one at the bounds takes some hundreds, so at most
 * {@link #AT_ONCE} workbooks are opened at a time and the others wait.
 */
final class Workbooks {

    static final long MAX_PART_BYTES = 20L * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 40L * 1024 * 1024;
    static final int MAX_PARTS = 200;
    static final int AT_ONCE = 2;
    private static final Semaphore OPENING = new Semaphore(AT_ONCE, true);
    /** At most this many rows a sheet: more than the most activities, sessions or rooms a plan may hold. */
    static final int MAX_ROWS = 100_000;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    private Workbooks() {
    }

    /**
     * Reads the workbook with {@code reader}, or throws {@link Unreadable} saying why it cannot be read
     * ({@link Unreadable#tooLarge()} for a bomb).
     */
    static <T> T read(byte[] xlsx, Function<XSSFWorkbook, T> reader) {
        requireBoundedUnpacking(xlsx);
        OPENING.acquireUninterruptibly();
        try (XSSFWorkbook workbook = open(xlsx)) {
            return reader.apply(workbook);
        } catch (Unreadable unreadable) {
            throw unreadable;
        } catch (RuntimeException broken) {
            throw new Unreadable(broken, false); // POI parses some parts only when they are read
        } catch (IOException closing) {
            throw new UncheckedIOException(closing); // in memory: closing does not fail
        } finally {
            OPENING.release();
        }
    }

    private static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e, POI_BOUNDS.matcher(String.valueOf(e.getMessage())).find());
        }
    }

    /** Unpacks and counts, keeping nothing: a zip bomb is refused before it takes memory. */
    private static void requireBoundedUnpacking(byte[] xlsx) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int parts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw new Unreadable(null, true);
                }
                long part = 0;
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    part += read;
                    total += read;
                    if (part > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES) {
                        throw new Unreadable(null, true);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable(e, false);
        }
    }

    static byte[] bytes(XSSFWorkbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POI's own words for a part past its bounds (ZipSecureFile), should one pass the count above. */
    private static final Pattern POI_BOUNDS = Pattern.compile("(?i)zip bomb|max entry size|max file count");

    /** Why the bytes cannot be read as a workbook. */
    static final class Unreadable extends RuntimeException {
        private final boolean tooLarge;

        Unreadable(Throwable cause, boolean tooLarge) {
            super(cause == null ? "too large" : cause.getMessage(), cause, false, false);
            this.tooLarge = tooLarge;
        }

        /** Whether it unpacks past the bounds. */
        boolean tooLarge() {
            return tooLarge;
        }
    }
}
