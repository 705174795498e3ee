package org.communityscheduler.server.storage;

import java.io.IOException;

/** The database cannot be reached now; the request may be sent again in a moment (the API answers 503). */
public final class StorageUnavailable extends IllegalStateException {

    public StorageUnavailable(IOException cause) {
        super("the job database cannot be reached: " + cause.getMessage(), cause);
    }
}
