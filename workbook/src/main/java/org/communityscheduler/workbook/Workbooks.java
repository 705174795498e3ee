package org.communityscheduler.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opening and saving {@code .xlsx} files, within bounds: a workbook is a zip, and a small one can unpack to
 * gigabytes (a zip bomb). Every part may unpack to at most {@link #MAX_PART_BYTES}, at least 1 % of it packed,
 * and a workbook holds at most {@link #MAX_PARTS} parts; real weekly plans use a small fraction of each.
 */
final class Workbooks {

    /** A plan of 5 000 sessions is a sheet of about 2 MB unpacked. */
    static final long MAX_PART_BYTES = 20L * 1024 * 1024;
    static final int MAX_PARTS = 200;
    /** At most this many rows a sheet: more than the most activities, sessions or rooms a plan may hold. */
    static final int MAX_ROWS = 100_000;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    private Workbooks() {
    }

    /** The workbook, or an exception saying why it cannot be read ({@link Unreadable#tooLarge()} for a bomb). */
    static XSSFWorkbook open(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
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

    /** Why POI could not open the bytes. */
    static final class Unreadable extends RuntimeException {
        Unreadable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }

        /** POI's own words for a part that unpacks past the bounds. */
        boolean tooLarge() {
            for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("zip bomb") || message.contains("max entry size")
                        || message.contains("max file count") || message.contains("maximum length")) {
                    return true;
                }
            }
            return false;
        }
    }
}
