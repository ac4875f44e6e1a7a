/**
 * The Community Schools SDK core: domain model, district data directory, JSON, synthetic data.
 * Exports only API packages; {@code org.communityschools.core.internal} and its subpackages are implementation (three
 * of them are exported to the SDK's sibling modules only, so that CSV and cell formats live in one place).
 */
module org.communityschools.core {
    requires transitive tools.jackson.databind;
    requires tools.jackson.dataformat.csv;
    requires transitive jakarta.validation;
    requires static org.jspecify;

    exports org.communityschools.core;
    exports org.communityschools.core.model;
    exports org.communityschools.core.data;
    exports org.communityschools.core.json;
    exports org.communityschools.core.synth;
    exports org.communityschools.core.live;

    opens org.communityschools.core.model to org.hibernate.validator;

    // Not API: the one place for cell formats and CSV reading and writing, shared with the SDK's own modules only.
    exports org.communityschools.core.internal.io to org.communityschools.privacy, org.communityschools.interop;
    exports org.communityschools.core.internal.read to org.communityschools.interop;
    exports org.communityschools.core.internal.write to org.communityschools.privacy;
}
