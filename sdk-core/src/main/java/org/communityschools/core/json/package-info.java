/**
 * JSON for every domain type through a Jackson 3 {@code JacksonModule} ({@code CommunitySchoolsModule}), wired
 * with mix-ins so that the records carry no Jackson annotations. Field names and value formats are those of the
 * district data directory (snake_case, ISO dates, school years as their ending year, upper-case codes), so that a
 * vendor's API and the directory speak one language.
 */
@NullMarked
package org.communityschools.core.json;

import org.jspecify.annotations.NullMarked;
