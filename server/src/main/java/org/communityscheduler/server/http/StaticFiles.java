package org.communityscheduler.server.http;

import java.util.Map;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;

/**
 * The files served as they are, from the class path: the coordinators' page at {@code /} (the server jar's
 * {@code public/}) and the web jars (Swagger UI) at {@code /webjars}, wherever the distribution is unpacked.
 *
 * <p>Javalin's own handler reads them through the class loader. Jetty's, Javalin's default, 404s every file of a jar
 * under a folder whose name is not ASCII ({@code 下载/排期/lib/server.jar}): it compares the jar's URL as the class
 * loader writes it, percent-encoded, with the same URL as the jar's file system writes it, in plain characters, takes
 * the file for an alias of itself, and cannot even name it as a path to ask whether it may serve it.
 */
public final class StaticFiles {

    /** Swagger UI's files never change under their versioned path: a year, as Javalin's web jars setting has it. */
    private static final String WEBJARS_CACHE = "max-age=31622400";

    private StaticFiles() {
    }

    public static void add(JavalinConfig config) {
        config.resourceHandler(new JavalinStaticResourceHandler());
        config.staticFiles.add(page -> {
            page.hostedPath = "/";
            page.directory = "/public";
            page.location = Location.CLASSPATH;
        });
        config.staticFiles.add(webjars -> {
            webjars.hostedPath = "/webjars";
            webjars.directory = "META-INF/resources/webjars";
            webjars.location = Location.CLASSPATH;
            webjars.headers = Map.of("Cache-Control", WEBJARS_CACHE);
        });
    }
}
