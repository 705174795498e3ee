package org.communityscheduler.server.job.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.job.Job;
import org.communityscheduler.server.storage.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs on disk, so that a restart (even a crash) loses nothing: one folder per job id under the data
 * directory, holding {@code plan.json} (the plan exactly as it was sent, written once) and {@code job.json}
 * (the rest of the {@link Job}: status, times, best schedule so far). Every file is written whole or not at
 * all: to a temporary file in the same folder, forced to the disk, then renamed over the old one; a job's folder
 * is on disk (its parent forced) before its files, and gone from it once deleted. Files and folders are the
 * owner's only, where the file system has POSIX permissions.
 *
 * <p>A folder without {@code job.json} is a submission a crash interrupted before it was answered: it is deleted
 * when the jobs are read back. A folder that cannot be read back otherwise is moved to {@link #QUARANTINE}, for a
 * person to look at; either is said once, in a line.
 */
public final class JobFiles implements JobStorage {

    public static final String PLAN = "plan.json";
    public static final String JOB = "job.json";
    /** Where job folders that cannot be read back are moved. */
    public static final String QUARANTINE = "quarantine";
    private static final Logger LOG = LoggerFactory.getLogger(JobFiles.class);
    /** Job ids are UUIDs; any other folder in the data directory is not ours and is left alone. */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;
    /** Forces a folder to the disk; tests watch it. */
    private final Consumer<Path> force;

    public JobFiles(Path directory) {
        this(directory, AtomicFiles::forceDirectory);
    }

    public JobFiles(Path directory, Consumer<Path> force) {
        this.directory = directory;
        this.force = force;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String where() {
        return directory.toString();
    }

    /** Writes a new job: its plan, then the job; a folder without {@code job.json} is a half-written one. */
    @Override
    public void create(Job job) throws IOException {
        Path folder = directory.resolve(job.id());
        AtomicFiles.createFolder(folder);
        force.accept(directory);
        AtomicFiles.writeAtomically(folder.resolve(PLAN), job.planJson().getBytes(StandardCharsets.UTF_8));
        save(job);
    }

    /** Writes the job as it stands over its last version (the plan is not written again). */
    @Override
    public void save(Job job) throws IOException {
        AtomicFiles.writeAtomically(directory.resolve(job.id()).resolve(JOB), Json.MAPPER.writeValueAsBytes(job.withPlanJson(null)));
    }

    /**
     * Deletes a job's folder, {@code job.json} first: a crash halfway leaves a submission that was never answered,
     * which the next start clears away.
     */
    @Override
    public void delete(String id) {
        Path folder = directory.resolve(id);
        try {
            deleteFolder(folder);
        } catch (IOException e) {
            LOG.warn("Cannot delete the files of job {} in {}: {}", id, folder, e.toString());
        }
    }

    private void deleteFolder(Path folder) throws IOException {
        try {
            Files.deleteIfExists(folder.resolve(JOB));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        } catch (NoSuchFileException e) {
            return; // already gone
        }
        force.accept(folder.getParent());
    }

    /** Moves a job's folder out of the way, for a person to look at; answers whether it could. */
    @Override
    public boolean quarantine(String id) {
        try {
            AtomicFiles.createFolder(quarantineDirectory());
            Files.move(directory.resolve(id), quarantineDirectory().resolve(id), StandardCopyOption.ATOMIC_MOVE);
            force.accept(directory);
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot move job {} to {}: {}", id, quarantineDirectory(), e.toString());
            return false;
        }
    }

    public Path quarantineDirectory() {
        return directory.resolve(QUARANTINE);
    }

    /**
     * Every job on disk. A submission a crash interrupted (a folder without {@code job.json}, never answered) is
     * deleted; a folder that cannot be read back otherwise (a corrupt or edited file) is moved to
     * {@link #QUARANTINE}. Each kind is logged once, in a line.
     */
    public List<Stored> load() throws IOException {
        List<Stored> jobs = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return jobs;
        }
        List<String> interrupted = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<Path> folders;
        try (Stream<Path> entries = Files.list(directory)) {
            folders = entries.toList(); // listed first: folders are deleted and moved below
        }
        {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (!Files.isDirectory(folder) || !JOB_ID.matcher(name).matches()) {
                    continue;
                }
                try {
                    removeLeftovers(folder);
                    if (!Files.exists(folder.resolve(JOB)) && onlyThePlan(folder)) {
                        deleteFolder(folder);
                        interrupted.add(name);
                        continue;
                    }
                    jobs.add(read(folder, name));
                } catch (IOException | RuntimeException e) {
                    if (quarantine(name)) {
                        unreadable.add(name + " (" + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")");
                    }
                }
            }
        }
        if (!interrupted.isEmpty()) {
            LOG.info("Deleted {} submission(s) a crash interrupted before they were answered: {}", interrupted.size(),
                    String.join(", ", interrupted));
        }
        if (!unreadable.isEmpty()) {
            LOG.warn("Moved {} job(s) that cannot be read back to {}: {}", unreadable.size(), quarantineDirectory(),
                    String.join("; ", unreadable));
        }
        jobs.sort(Comparator.comparing((Stored stored) -> stored.job().submitted()));
        return jobs;
    }

    /** Whether a folder holds nothing but (perhaps) the plan: what {@link #create} leaves when it is cut short. */
    private static boolean onlyThePlan(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.allMatch(file -> file.getFileName().toString().equals(PLAN));
        }
    }

    private static Stored read(Path folder, String id) throws IOException {
        Path jobFile = folder.resolve(JOB);
        Path planFile = folder.resolve(PLAN);
        if (!Files.exists(jobFile)) {
            throw new IOException("it has no " + JOB);
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
        return new Stored(stored.withPlanJson(plan), Files.getLastModifiedTime(jobFile).toInstant());
    }

    /** Temporary files of a write the server did not live to finish. */
    private static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(file);
            }
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
