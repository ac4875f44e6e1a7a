/** Community Schools SDK: metrics. Exports only API packages. */
module org.communityschools.metrics {
    requires transitive org.communityschools.core;
    requires static org.jspecify;

    // The API package org.communityschools.metrics is exported once its first types land.
}
