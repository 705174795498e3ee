package org.communityscheduler.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated plans committed under {@code data/src/main/resources/plans/} (sizes S and M, seed 1)
 * with their planted schedules. They are exactly what the generator gives: {@code CommittedPlansTest}
 * compares them, and after a change to the generator writes them again with
 * <pre>
 * mvn -q -pl data test -Dtest=CommittedPlansTest -Dplans.regenerate=true
 * </pre>
 */
public final class CommittedPlans {

    public static final List<InstanceSize> SIZES = List.of(InstanceSize.S, InstanceSize.M);
    public static final long SEED = 1;

    private CommittedPlans() {
    }

    /** File name to contents: {@code generated-s.json}, {@code generated-s.planted.json}, and the same for M. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (InstanceSize size : SIZES) {
            GeneratedInstance instance = InstanceGenerator.generate(size, SEED);
            String base = "generated-" + size.name().toLowerCase(java.util.Locale.ROOT);
            files.put(base + ".json", instance.planJson());
            files.put(base + ".planted.json", instance.plantedJson());
        }
        return files;
    }

    /** Writes the files into {@code args[0]}, by default the plans folder of the data module's sources. */
    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("data/src/main/resources/plans")) ? Path.of("data/src/main/resources/plans")
                : Path.of("src/main/resources/plans");
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + folder.resolve(file.getKey()));
        }
    }
}
