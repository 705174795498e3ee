package org.communityscheduler.server.publish;

import java.security.SecureRandom;

/** The feed secret's making, the same for both places publications are kept: 256 random bits. */
final class FeedSecrets {

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FeedSecrets() {
    }

    static byte[] newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
