package org.communityscheduler.server.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Files in the data directory that a crash never leaves half written: every file is written whole or not at all (to
 * a temporary file in the same folder, forced to the disk, then renamed over the old one), and files and folders are
 * their owner's only where the file system has POSIX permissions. The jobs ({@code JobFiles}), the publications and
 * the data directory's lock all write through here.
 */
public final class AtomicFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Write, force to disk, rename over: a reader sees the old file or the new one, never a part. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly(OWNER_FILE))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(target.getParent());
    }

    /** Creates a folder (and its parents) that only its owner may read. */
    public static void createFolder(Path folder) throws IOException {
        Files.createDirectories(folder, ownerOnly(OWNER_FOLDER));
    }

    /** Creates a file, if it is not there, that only its owner may read. */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return ownerOnly(OWNER_FILE);
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** A rename, a new or a deleted entry is on disk only once its folder is (where the file system allows it). */
    public static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system (or OS) can force a folder; the rename is still atomic.
        }
    }
}
