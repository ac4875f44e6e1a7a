package org.communityschools.core.json;

import java.util.function.Function;
import org.communityschools.core.model.EducationOrganizationId;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point to JSON for the domain model: the {@link CommunitySchoolsModule} to register in a host's own
 * mapper ({@code JsonMapper.builder().addModule(CommunitySchoolsJson.module()).build()}), or a ready
 * {@link JsonMapper}. Mappers are immutable and thread-safe (Jackson 3); share them.
 */
public final class CommunitySchoolsJson {
    private CommunitySchoolsJson() {}

    private static final JsonMapper MAPPER = mapper(new CommunitySchoolsModule());

    /** {@return the module; it cannot read staff assignments or interventions (see {@link CommunitySchoolsModule})} */
    public static CommunitySchoolsModule module() {
        return new CommunitySchoolsModule();
    }

    /**
     * {@return the module, resolving school-or-organization identifiers with {@code resolver}}
     *
     * @param resolver the identifier of a school or an organization from its text
     */
    public static CommunitySchoolsModule module(Function<String, EducationOrganizationId> resolver) {
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
