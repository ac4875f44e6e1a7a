/** Community Schools SDK: privacy. Exports only API packages. */
module org.communityschools.privacy {
    requires transitive org.communityschools.core;
    requires com.github.benmanes.caffeine;
    requires static org.jspecify;

    // The API package org.communityschools.privacy is exported once its first types land.
}
