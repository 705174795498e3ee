package org.communityscheduler.server.threads;

import java.util.concurrent.ThreadFactory;

/**
 * The one way the server makes its background threads: named, so that a thread dump says what each does, and
 * daemons, so that none of them keeps a stopped server's process alive.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads that all bear {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
