package org.communityscheduler.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The plans bundled under {@code /plans/} on the classpath, by name: {@code binzhou-huanghe} is
 * {@code /plans/binzhou-huanghe.json}. The command line and the HTTP API ({@code GET /api/demo-data})
 * serve them. Planted schedules ({@code *.planted.json}) are answers, not plans, and are left out.
 *
 * <p>The folder is listed, not a hand-kept index, so a plan dropped into
 * {@code data/src/main/resources/plans/} is served without further changes.
 */
public final class DemoPlans {

    /** The sample the command line solves when it is given no plan. */
    public static final String DEFAULT = "binzhou-huanghe";

    private static final String FOLDER = "plans/";
    private static final String PLAN_SUFFIX = ".json";
    private static final String PLANTED_SUFFIX = ".planted.json";

    private DemoPlans() {
    }

    /** The names of the bundled plans, sorted. */
    public static List<String> names() {
        return names(DemoPlans.class.getClassLoader());
    }

    /** The JSON text of a bundled plan; empty for a name that is not one of {@link #names()}. */
    public static Optional<String> json(String name) {
        return json(DemoPlans.class.getClassLoader(), name);
    }

    static List<String> names(ClassLoader classLoader) {
        // The default sample always ships with this class: its location tells where the folder is.
        URL anchor = classLoader.getResource(FOLDER + DEFAULT + PLAN_SUFFIX);
        if (anchor == null) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        for (String file : filesBeside(anchor)) {
            if (file.endsWith(PLAN_SUFFIX) && !file.endsWith(PLANTED_SUFFIX)) {
                names.add(file.substring(0, file.length() - PLAN_SUFFIX.length()));
            }
        }
        return List.copyOf(names);
    }

    static Optional<String> json(ClassLoader classLoader, String name) {
        // Only listed names are looked up, so a name from a URL can never reach another resource.
        if (name == null || !names(classLoader).contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = classLoader.getResourceAsStream(FOLDER + name + PLAN_SUFFIX)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled plan " + name, e);
        }
    }

    /** The names of the files in the folder of {@code anchor}, whether it lies in a directory or a jar. */
    private static List<String> filesBeside(URL anchor) {
        try {
            if ("file".equals(anchor.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
                    return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
                }
            }
            URLConnection connection = anchor.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                String folder = jar.getEntryName().substring(0, jar.getEntryName().lastIndexOf('/') + 1);
                List<String> files = new ArrayList<>();
                try (JarFile jarFile = jar.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jarFile.entries(); entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith(folder) && entry.indexOf('/', folder.length()) < 0
                                && entry.length() > folder.length()) {
                            files.add(entry.substring(folder.length()));
                        }
                    }
                }
                return files;
            }
            // Any other kind of classpath: at least the default sample.
            return List.of(DEFAULT + PLAN_SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the bundled plans", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the bundled plans at " + anchor, e);
        }
    }
}
