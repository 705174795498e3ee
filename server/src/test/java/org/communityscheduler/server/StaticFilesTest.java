package org.communityscheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page and Swagger UI's files come out of jars, and a jar may lie under any folder: one a Chinese user unpacked
 * the distribution into ({@code 下载/排期 文件/lib}) serves its files as one named in ASCII does.
 */
class StaticFilesTest {

    @TempDir
    Path folder;

    @Test
    void filesInAJarUnderAFolderWithChineseCharactersAndSpacesAreServed() throws IOException {
        Path jar = jar(folder.resolve("下载/排期 文件/lib/page.jar"), Map.of(
                "public/only-in-this-jar.html", "<p>第49周</p>",
                "public/nested/only-in-this-jar.js", "let week = 49;",
                "META-INF/resources/webjars/tiny/1.0/tiny.js", "tiny();"));

        try (URLClassLoader withTheJar = new URLClassLoader(new URL[] { jar.toUri().toURL() },
                Thread.currentThread().getContextClassLoader()); TestServer api = serving(withTheJar)) {
            assertThat(api.get("/only-in-this-jar.html").body()).isEqualTo("<p>第49周</p>");
            assertThat(api.get("/nested/only-in-this-jar.js").body()).isEqualTo("let week = 49;");
            assertThat(api.get("/webjars/tiny/1.0/tiny.js").body()).isEqualTo("tiny();");
            assertThat(api.get("/webjars/tiny/1.0/tiny.js").headers().firstValue("Cache-Control"))
                    .hasValue("max-age=31622400");
            assertThat(api.get("/not-in-any-jar.js").statusCode()).isEqualTo(404);
            assertThat(api.get("/").statusCode()).as("the page itself, from the build's classes").isEqualTo(200);
        }
    }

    /** A server started with {@code loader} as the thread's class loader, where Jetty looks for the files. */
    private static TestServer serving(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new TestServer();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Path jar(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
