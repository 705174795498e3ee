package org.communityscheduler.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.communityscheduler.plan.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs on disk, so that a restart (even a crash) loses nothing: one folder per job id under the data
 * directory, holding {@code plan.json} (the plan exactly as it was sent, written once) and {@code job.json}
 * (the rest of the {@link Job}: status, times, best schedule so far). Every file is written whole or not at
 * all: to a temporary file in the same folder, forced to the disk, then renamed over the old one.
 */
final class JobFiles {

    static final String PLAN = "plan.json";
    static final String JOB = "job.json";
    private static final Logger LOG = LoggerFactory.getLogger(JobFiles.class);
    /** Job ids are UUIDs; any other folder in the data directory is not ours and is left alone. */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A job read back, and when it was last written (how long it had been solving, for one that was). */
    record Stored(Job job, Instant savedAt) {
    }

    private final Path directory;

    JobFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /** Writes a new job: its plan, then the job; a folder without {@code job.json} is a half-written one. */
    void create(Job job) throws IOException {
        Path folder = directory.resolve(job.id());
        Files.createDirectories(folder);
        writeAtomically(folder.resolve(PLAN), job.planJson().getBytes(StandardCharsets.UTF_8));
        save(job);
    }

    /** Writes the job as it stands over its last version (the plan is not written again). */
    void save(Job job) throws IOException {
        Job withoutPlan = new Job(job.id(), job.name(), null, job.diagnostics(), job.status(), job.timeLimit(),
                job.submitted(), job.started(), job.finished(), job.score(), job.schedule(), job.error());
        writeAtomically(directory.resolve(job.id()).resolve(JOB), Json.MAPPER.writeValueAsBytes(withoutPlan));
    }

    void delete(String id) {
        Path folder = directory.resolve(id);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (NoSuchFileException e) {
            // Already gone.
        } catch (IOException e) {
            LOG.warn("Cannot delete the files of job {} in {}: {}", id, folder, e.toString());
        }
    }

    /**
     * Every job on disk. A folder that cannot be read back whole (a half-written job, a corrupt or edited file)
     * is reported in the log and skipped; it is left where it is for a person to look at.
     */
    List<Stored> load() throws IOException {
        List<Stored> jobs = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return jobs;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (!Files.isDirectory(folder) || !JOB_ID.matcher(name).matches()) {
                    continue;
                }
                try {
                    jobs.add(read(folder, name));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping the job in {}: {}", folder, e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
        }
        jobs.sort(Comparator.comparing((Stored stored) -> stored.job().submitted()));
        return jobs;
    }

    private static Stored read(Path folder, String id) throws IOException {
        removeLeftovers(folder);
        Path jobFile = folder.resolve(JOB);
        Path planFile = folder.resolve(PLAN);
        if (!Files.exists(jobFile)) {
            throw new IOException("it has no " + JOB + " (the server stopped while it was being written)");
        }
        if (!Files.exists(planFile)) {
            throw new IOException("it has no " + PLAN);
        }
        Job stored;
        try {
            stored = Json.MAPPER.readValue(Files.readAllBytes(jobFile), Job.class);
        } catch (IOException e) {
            throw new IOException(JOB + " is not a job: " + firstLine(e.getMessage()));
        }
        if (!id.equals(stored.id()) || stored.status() == null || stored.submitted() == null
                || stored.timeLimit() == null) {
            throw new IOException(JOB + " lacks the job's id, status, time limit or submission time");
        }
        if (stored.isFinished() && stored.finished() == null) {
            throw new IOException(JOB + " says the job is finished but not when");
        }
        String plan = new String(Files.readAllBytes(planFile), StandardCharsets.UTF_8);
        Job job = new Job(stored.id(), stored.name(), plan, stored.diagnostics() == null ? List.of()
                : stored.diagnostics(), stored.status(), stored.timeLimit(), stored.submitted(), stored.started(),
                stored.finished(), stored.score(), stored.schedule(), stored.error());
        return new Stored(job, Files.getLastModifiedTime(jobFile).toInstant());
    }

    /** Temporary files of a write the server did not live to finish. */
    private static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Write, force to disk, rename over: a reader sees the old file or the new one, never a part. */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
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

    /** The rename itself is on disk only once the folder is (where the file system allows it). */
    private static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system (or OS) can force a folder; the rename is still atomic.
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
