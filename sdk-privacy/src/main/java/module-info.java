/** Community Schools SDK: privacy. Exports only API packages; {@code org.communityschools.privacy.internal.*} is implementation. */
module org.communityschools.privacy {
    requires transitive org.communityschools.core;
    requires com.github.benmanes.caffeine;
    requires tools.jackson.dataformat.yaml;
    requires static org.jspecify;

    exports org.communityschools.privacy;
    exports org.communityschools.privacy.disclosure;
    exports org.communityschools.privacy.extract;
    exports org.communityschools.privacy.policy;
    exports org.communityschools.privacy.publication;
    exports org.communityschools.privacy.view;
}
