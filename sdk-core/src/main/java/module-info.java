/**
 * The Community Schools SDK core: domain model, district data directory, JSON, synthetic data.
 * Exports only API packages; {@code org.communityschools.core.internal} and its subpackages are implementation.
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

    opens org.communityschools.core.model to org.hibernate.validator;
}
