package org.communityschools.core.json;

import java.util.function.Function;
import org.communityschools.core.internal.json.CommunitySchoolsModule;
import org.communityschools.core.model.DataSharingAgreement;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.Intervention;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.StaffAssignment;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point to JSON for the domain model: the Jackson 3 module to register in a host's own mapper
 * ({@code JsonMapper.builder().addModule(CommunitySchoolsJson.module()).build()}), or a ready {@link JsonMapper}.
 * Mappers are immutable and thread-safe (Jackson 3); share them.
 *
 * <p>The module serializes every type of the domain model, so that the records themselves carry no Jackson
 * annotations. JSON property names and value formats are those of the district data directory
 * (docs/data-directory.md, docs/json.md): the snake_case column names of {@link org.communityschools.core.data.DataFile}
 * in column order; identifiers as plain strings; ISO dates; upper-case codes; a {@link SchoolYear} as its ending year
 * number ({@code 2018}; the strings {@code "2018"}, {@code "2017-18"} and {@code "2017-2018"} are accepted on input); a
 * {@link GradeLevel} as its code ({@code "09"}); a {@link DayShare} and other exact decimals as plain JSON numbers
 * ({@code 0.5}); a period ({@link DateRange}) as flat {@code begin_date} and {@code end_date}, the end being the
 * inclusive last day and absent when open-ended; an empty {@code Optional} as an absent property; sets as arrays
 * sorted for deterministic output. A {@link DataSharingAgreement} is exactly an object of {@code agreements.json}.
 * Identifiers, school years and grades also work as map keys, written as their JSON string.
 *
 * <p>Reading builds every record through its constructor, so a value that breaks a domain rule fails with a Jackson
 * {@link tools.jackson.databind.DatabindException} located at the offending value, whose message names the property
 * and the rule (and never the value of a personal property such as a student's name). Unknown properties fail when
 * {@link tools.jackson.databind.DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES} is enabled, as in
 * {@link CommunitySchoolsJson#mapper()}.
 *
 * <p>School and organization identifiers share one namespace, and the JSON of a {@link StaffAssignment} or an
 * {@link Intervention} does not say which one its {@code organization_id} or {@code provider_id} is. Reading those
 * two types needs a resolver that knows the directory (see {@link #module(Function)}); without one
 * it fails rather than guess. The module is immutable and thread-safe once registered.
 */
public final class CommunitySchoolsJson {
    private CommunitySchoolsJson() {}

    private static final JsonMapper MAPPER = mapper(new CommunitySchoolsModule());

    /**
     * {@return the module; it cannot read staff assignments or interventions, whose organization identifiers need a
     * resolver ({@link #module(Function)})}
     */
    public static JacksonModule module() {
        return new CommunitySchoolsModule();
    }

    /**
     * {@return the module, resolving school-or-organization identifiers with {@code resolver}}: for example
     * {@code id -> schools.contains(id) ? SchoolId.of(id) : OrganizationId.of(id)}. The resolver throws
     * {@link IllegalArgumentException} for an identifier it does not know; it must be thread-safe.
     *
     * @param resolver the identifier of a school or an organization from its text
     */
    public static JacksonModule module(Function<String, EducationOrganizationId> resolver) {
        return new CommunitySchoolsModule(resolver);
    }

    /**
     * A shared mapper with the module registered that fails on unknown properties (strict input); otherwise Jackson's
     * defaults.
     *
     * @return the shared, thread-safe mapper
     */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * {@return a strict mapper whose module resolves school-or-organization identifiers with {@code resolver}}
     *
     * @param resolver the identifier of a school or an organization from its text
     */
    public static JsonMapper mapper(Function<String, EducationOrganizationId> resolver) {
        return mapper(new CommunitySchoolsModule(resolver));
    }

    private static JsonMapper mapper(CommunitySchoolsModule module) {
        return JsonMapper.builder()
                .addModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
