package org.communityschools.core.internal.synth;

import java.util.SplittableRandom;

/** Derives independent random streams from the master seed, one per entity, so output never depends on order. */
final class Mix {
    static final long STUDENT = 0x53545544454E54L;
    static final long SCHOOL = 0x5343484F4F4CL;
    static final long ZONE = 0x5A4F4E45L;
    static final long STAFF = 0x5354414646L;
    static final long ORG = 0x4F5247L;
    static final long HISTORY = 0x484953544F5259L;
    static final long MEETING = 0x4D454554494E47L;

    private Mix() {}

    /** A random stream for entity {@code index} of kind {@code salt}. */
    static SplittableRandom random(long seed, long salt, long index) {
        return new SplittableRandom(mix64(mix64(seed ^ mix64(salt)) + index * 0x9E3779B97F4A7C15L));
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
