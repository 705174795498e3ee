package org.communityscheduler.model;

/** A community service centre. Its opening hours live on its rooms; its quiet hours here. */
public final class Site {

    private final String id;
    private final String name;
    private final TimeWindows quietHours;

    public Site(String id, String name, TimeWindows quietHours) {
        this.id = id;
        this.name = name;
        this.quietHours = quietHours;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** When the community office works and loud activities disturb. */
    public TimeWindows getQuietHours() {
        return quietHours;
    }

    @Override
    public String toString() {
        return id;
    }
}
