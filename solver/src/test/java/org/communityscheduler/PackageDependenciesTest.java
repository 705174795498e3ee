package org.communityscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The solver's packages depend one way, as docs/architecture.md draws them: text, plan, model, constraints, schedule, solve. */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/communityscheduler");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.communityscheduler\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() throws IOException {
        Map<String, Set<String>> allowed = Map.of(
                "text", Set.of(),
                "plan", Set.of("text"),
                "model", Set.of("text", "plan"),
                "constraints", Set.of("text", "plan", "model"),
                "schedule", Set.of("text", "plan", "model", "constraints"),
                "solve", Set.of("text", "plan", "model", "constraints", "schedule"));
        for (var entry : allowed.entrySet()) {
            assertThat(importedPackages(entry.getKey())).as("packages %s imports", entry.getKey())
                    .isSubsetOf(entry.getValue());
        }
    }

    private static Set<String> importedPackages(String pkg) throws IOException {
        Set<String> imported = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = IMPORT.matcher(Files.readString(file));
                while (matcher.find()) {
                    imported.add(matcher.group(1));
                }
            }
        }
        imported.remove(pkg);
        return imported;
    }
}
