package org.communityscheduler.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmark ran on, as far as the JVM and /proc tell: timings mean little without it. */
public record Machine(int processors, String cpu, long memoryMegabytes, String javaVersion, long maxHeapMegabytes,
        String os) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg (or the JVM's 1 minute figure). */
    public static String loadAverage() {
        List<String> lines = read("/proc/loadavg");
        if (!lines.isEmpty()) {
            String[] fields = lines.get(0).split("\\s+");
            if (fields.length >= 3) {
                return fields[0] + " " + fields[1] + " " + fields[2];
            }
        }
        return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static String cpuModel() {
        for (String line : read("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return System.getProperty("os.arch");
    }

    private static long totalMemory() {
        for (String line : read("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code 2 × AMD EPYC, 23 GB memory, Java ..., heap up to 5.9 GB}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d × %s, %.1f GB memory; %s; heap up to %.1f GB; %s", processors, cpu,
                memoryMegabytes / 1024.0, javaVersion, maxHeapMegabytes / 1024.0, os);
    }
}
