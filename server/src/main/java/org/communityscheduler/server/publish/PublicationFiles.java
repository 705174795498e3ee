package org.communityscheduler.server.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.communityscheduler.plan.Json;
import org.communityscheduler.server.storage.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published weeks and the feed secret in the data directory: {@code publications/weeks/2026-11-30.json} per
 * week and {@code publications/feeds.json} (the secret, when the weeks last changed), each written whole or not at
 * all and readable by its owner only, as the jobs are written ({@link AtomicFiles}). Everything is also held in memory, where
 * feeds read it; without a data directory only there.
 */
public final class PublicationFiles implements Publications {

    public static final String FOLDER = "publications";
    private static final String WEEKS = "weeks";
    private static final String FEEDS = "feeds.json";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationFiles.class);

    /** What {@code feeds.json} holds. */
    record FeedState(String secret, Instant changed) {
    }

    /** Null when kept in memory only. */
    private final Path directory;
    /** Guarded by this. */
    private final TreeMap<LocalDate, PublishedWeek> weeks = new TreeMap<>();
    /** Guarded by this. */
    private byte[] secret;
    /** Guarded by this. */
    private Instant changed;

    /** @param dataDir the server's data directory; null keeps publications in memory only */
    public PublicationFiles(Path dataDir) {
        this.directory = dataDir == null ? null : dataDir.resolve(FOLDER);
    }

    /** Reads back what is on disk; call once, holding the data directory. A file that cannot be read is named in the log. */
    public synchronized void load() {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        Path feeds = directory.resolve(FEEDS);
        try {
            if (Files.exists(feeds)) {
                FeedState state = Json.MAPPER.readValue(Files.readAllBytes(feeds), FeedState.class);
                secret = state.secret() == null ? null : Base64.getDecoder().decode(state.secret());
                changed = state.changed();
            }
        } catch (IOException | IllegalArgumentException e) {
            // A new secret is made on first use: the feed URLs handed out before stop working, nothing else is lost.
            LOG.warn("Cannot read {} ({}); the feeds get new keys", feeds, e.getMessage());
        }
        Path weekFolder = directory.resolve(WEEKS);
        if (!Files.isDirectory(weekFolder)) {
            return;
        }
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(weekFolder)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".json")).toList()) {
                try {
                    PublishedWeek week = Json.MAPPER.readValue(Files.readAllBytes(file), PublishedWeek.class);
                    if (week.startDate() == null || !file.getFileName().toString().equals(week.startDate() + ".json")) {
                        throw new IOException("its startDate is not its name");
                    }
                    weeks.put(week.startDate(), week);
                } catch (IOException | RuntimeException e) {
                    unreadable.add(file.getFileName() + " (" + String.valueOf(e.getMessage()).lines().findFirst()
                            .orElse("") + ")");
                }
            }
        } catch (IOException e) {
            LOG.error("Cannot read the published weeks in {}: {}", weekFolder, e.toString());
        }
        if (!unreadable.isEmpty()) {
            LOG.warn("Left out {} published week(s) that cannot be read: {}", unreadable.size(),
                    String.join("; ", unreadable));
        }
    }

    @Override
    public synchronized List<PublishedWeek> weeks() {
        return List.copyOf(weeks.values());
    }

    @Override
    public synchronized PublishedWeek publish(LocalDate startDate,
            Function<Optional<PublishedWeek>, PublishedWeek> revise) {
        PublishedWeek week = revise.apply(Optional.ofNullable(weeks.get(startDate))).requireStartsOn(startDate);
        Instant now = Instant.now();
        if (directory != null) {
            try {
                AtomicFiles.createFolder(directory.resolve(WEEKS));
                AtomicFiles.writeAtomically(weekFile(startDate), Json.MAPPER.writeValueAsBytes(week));
                writeFeedState(secretOrNew(), now);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the published week to " + directory, e);
            }
        }
        weeks.put(startDate, week);
        changed = now;
        return week;
    }

    @Override
    public synchronized boolean unpublish(LocalDate startDate) {
        if (!weeks.containsKey(startDate)) {
            return false;
        }
        Instant now = Instant.now();
        if (directory != null) {
            try {
                Files.deleteIfExists(weekFile(startDate));
                AtomicFiles.forceDirectory(weekFile(startDate).getParent());
                writeFeedState(secretOrNew(), now);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take the published week out of " + directory, e);
            }
        }
        weeks.remove(startDate);
        changed = now;
        return true;
    }

    @Override
    public synchronized Instant changed() {
        return changed;
    }

    @Override
    public synchronized byte[] feedSecret() {
        if (secret == null) {
            byte[] made = FeedSecrets.newSecret();
            save(made);
            secret = made;
        }
        return secret.clone();
    }

    @Override
    public synchronized byte[] rotateFeedSecret() {
        byte[] made = FeedSecrets.newSecret();
        save(made);
        secret = made;
        return secret.clone();
    }

    private byte[] secretOrNew() {
        if (secret == null) {
            secret = FeedSecrets.newSecret();
        }
        return secret;
    }

    private void save(byte[] newSecret) {
        if (directory == null) {
            return;
        }
        try {
            writeFeedState(newSecret, changed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed keys to " + directory, e);
        }
    }

    private void writeFeedState(byte[] feedSecret, Instant lastChange) throws IOException {
        AtomicFiles.createFolder(directory);
        AtomicFiles.writeAtomically(directory.resolve(FEEDS), Json.MAPPER.writeValueAsBytes(
                new FeedState(Base64.getEncoder().encodeToString(feedSecret), lastChange)));
    }

    private Path weekFile(LocalDate startDate) {
        return directory.resolve(WEEKS).resolve(startDate + ".json");
    }
}
