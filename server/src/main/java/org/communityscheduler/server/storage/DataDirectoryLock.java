package org.communityscheduler.server.storage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;

import org.communityscheduler.text.Language;
import org.communityscheduler.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's hold on its data directory: the operating system's lock on {@code .lock} in it, which names the
 * holder (process id, host, start). A second server on the same directory is refused before it reads or writes
 * a job; the lock of a process that died (even by {@code kill -9}) is gone with it and taken over.
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String FILE = ".lock";
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryLock.class);

    /** Another server holds the directory, or it cannot be made or locked. */
    public static final class Unavailable extends RuntimeException {
        private final transient Text text;

        Unavailable(Text text) {
            super(text.in(Language.EN));
            this.text = text;
        }

        /** Why, in the catalogue's words. */
        public Text text() {
            return text;
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates the directory if need be and holds it until {@link #close()}. */
    public static DataDirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            AtomicFiles.createFolder(directory);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), AtomicFiles.ownerOnlyFile());
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process
            }
            String holder = read(channel);
            if (lock == null) {
                channel.close();
                throw new Unavailable(holder.isEmpty() ? Text.of("server.dataDirInUseByUnknown", directory.toString())
                        : Text.of("server.dataDirInUse", directory.toString(), holder));
            }
            if (!holder.isEmpty()) {
                LOG.info("Taking over {}: the server that held it ({}) is no longer running", directory, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + host() + ", since "
                    + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()) + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Closing releases the lock anyway.
            }
            throw new Unavailable(Text.of("server.dataDirUnusable", directory.toString(), e.toString()));
        }
    }

    /** Empties the file (nobody holds the directory now) and lets go; the file stays, so that one lock is shared. */
    @Override
    public void close() {
        try (channel) {
            channel.truncate(0);
            channel.force(true);
            lock.release();
        } catch (IOException e) {
            LOG.warn("Cannot release {}: {}", FILE, e.toString());
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }
}
