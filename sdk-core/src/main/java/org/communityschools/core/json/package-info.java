/**
 * JSON for every domain type through a Jackson 3 {@code JacksonModule} ({@code CommunitySchoolsJson.module()}), which
 * registers a serializer and a deserializer per type so that the records carry no Jackson annotations. Field names and value formats are those of the district
 * data directory (snake_case, ISO dates, school years as their ending year, upper-case codes), so that a vendor's API
 * and the directory speak one language; see docs/json.md.
 *
 * <p>Entry point: {@link org.communityschools.core.json.CommunitySchoolsJson} —
 * {@code JsonMapper.builder().addModule(CommunitySchoolsJson.module()).build()}, or the ready, strict
 * {@code CommunitySchoolsJson.mapper()}.
 */
@NullMarked
package org.communityschools.core.json;

import org.jspecify.annotations.NullMarked;
