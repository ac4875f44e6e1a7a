/** Community Schools SDK: metrics. Exports only API packages. */
module org.communityschools.metrics {
    requires transitive org.communityschools.core;
    requires static org.jspecify;

    exports org.communityschools.metrics;
}
