package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The server's packages depend one way, as docs/architecture.md draws them: each uses only those below it, and the
 * server itself ({@code org.communityscheduler.server}, the wiring) sits on top of them all.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/communityscheduler/server");
    /** Every server package, from the bottom up; the wiring ({@code ""}, the server package itself) last. */
    private static final List<String> LAYERS = List.of("threads", "storage", "job", "job.storage", "replica",
            "job.run", "publish", "calendar", "export", "http", "");
    /** A reference to a class of a server package, in an import, the code or a comment. */
    private static final Pattern REFERENCE = Pattern.compile(
            "org\\.communityscheduler\\.server((?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() throws IOException {
        for (int layer = 0; layer < LAYERS.size(); layer++) {
            String pkg = LAYERS.get(layer);
            assertThat(usedPackages(pkg)).as("the server packages that %s uses", name(pkg))
                    .isSubsetOf(LAYERS.subList(0, layer));
        }
    }

    @Test
    void everyPackageHasItsPlace() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> packages.add(SOURCES.relativize(file.getParent()).toString().replace('/', '.')));
        }
        assertThat(LAYERS).containsAll(packages);
    }

    private static Set<String> usedPackages(String pkg) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg.replace('.', '/')))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1).isEmpty() ? "" : matcher.group(1).substring(1));
                }
            }
        }
        used.remove(pkg);
        return used;
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "the server package" : "package " + pkg;
    }
}
