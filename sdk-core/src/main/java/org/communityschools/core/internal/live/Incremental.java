package org.communityschools.core.internal.live;

import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.read.Assembler;

/** The incremental path: not yet taken. */
final class Incremental {
    private Incremental() {}

    static boolean takes(BatchPlan plan) {
        return false;
    }

    static DistrictData apply(DistrictData data, BatchPlan plan, Locator locator, Assembler assembler) {
        throw new UnsupportedOperationException();
    }
}
