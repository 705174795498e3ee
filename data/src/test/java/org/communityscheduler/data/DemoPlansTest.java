package org.communityscheduler.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.communityscheduler.plan.PlanReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPlansTest {

    @Test
    void listsTheBundledSample() {
        assertThat(DemoPlans.names()).contains(DemoPlans.DEFAULT, "binzhou-huanghe");
        assertThat(DemoPlans.names()).isSorted().noneMatch(name -> name.endsWith(".json") || name.contains("planted"));
    }

    @Test
    void answersEachListedPlanAsValidJson() {
        for (String name : DemoPlans.names()) {
            String json = DemoPlans.json(name).orElseThrow();
            assertThat(PlanReader.read(json).problems()).as(name).isEmpty();
        }
        assertThat(DemoPlans.json("binzhou-huanghe").orElseThrow()).contains("黄河社区服务中心");
    }

    @Test
    void answersNothingForNamesThatAreNotPlans() {
        assertThat(DemoPlans.json("no-such-plan")).isEmpty();
        assertThat(DemoPlans.json("binzhou-huanghe.json")).isEmpty();
        assertThat(DemoPlans.json("../plans/binzhou-huanghe")).isEmpty();
        assertThat(DemoPlans.json("")).isEmpty();
        assertThat(DemoPlans.json(null)).isEmpty();
    }

    @Test
    void listsPlansInsideAJarAndLeavesPlantedSchedulesOut(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("plans.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "plans/");
            add(out, "plans/binzhou-huanghe.json", "{\"name\": \"黄河\"}");
            add(out, "plans/generated-s.json", "{}");
            add(out, "plans/generated-s.planted.json", "{}");
            add(out, "plans/old/archived.json", "{}");
            add(out, "other/elsewhere.json", "{}");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
            assertThat(DemoPlans.names(loader)).containsExactly("binzhou-huanghe", "generated-s");
            assertThat(DemoPlans.json(loader, "binzhou-huanghe")).contains("{\"name\": \"黄河\"}");
            assertThat(DemoPlans.json(loader, "generated-s.planted")).isEmpty();
        }
    }

    @Test
    void listsPlansInADirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("plans"));
        Files.writeString(dir.resolve("plans/binzhou-huanghe.json"), "{}");
        Files.writeString(dir.resolve("plans/generated-m.json"), "{}");
        Files.writeString(dir.resolve("plans/generated-m.planted.json"), "{}");
        Files.writeString(dir.resolve("plans/index.txt"), "binzhou-huanghe");
        try (URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() }, null)) {
            assertThat(DemoPlans.names(loader)).containsExactly("binzhou-huanghe", "generated-m");
        }
    }

    @Test
    void listsNothingWithoutTheSample(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() }, null)) {
            assertThat(DemoPlans.names(loader)).isEmpty();
            assertThat(DemoPlans.json(loader, "binzhou-huanghe")).isEmpty();
        }
    }

    private static void add(JarOutputStream out, String name, String... text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        for (String part : text) {
            out.write(part.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
