/**
 * The Community Schools SDK core: the domain model of school–community data sharing, the district data directory
 * (read, validated, indexed, written) and a synthetic city to test with.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>{@link org.communityschools.core.model} — immutable, validated records: schools, students, enrollments,
 *       attendance, behavior, course marks, staff and their assignments and relationships, interventions,
 *       partnerships, consents and data-sharing agreements; typed identifiers, {@code SchoolYear}, {@code DateRange}.</li>
 *   <li>{@link org.communityschools.core.data} — {@code DistrictDataReader} reads a directory and reports every
 *       broken rule with file, line and column; {@code DistrictData} answers the lookups the privacy and metrics
 *       modules need; {@code DistrictDataWriter} writes a directory back.</li>
 *   <li>{@link org.communityschools.core.live} — {@code LiveDistrict} keeps a {@code DistrictData} current by batches
 *       of changes (upserts and deletes keyed as in the directory), each applied whole or not at all as a new
 *       numbered, immutable version sharing what it does not change; listeners, a change journal, delta
 *       directories.</li>
 *   <li>{@link org.communityschools.core.json} — a Jackson 3 module that serializes every domain type.</li>
 *   <li>{@link org.communityschools.core.synth} — a seeded generator of complete, valid district directories
 *       ({@code tiny}, {@code district}, {@code nyc}).</li>
 * </ul>
 * {@link org.communityschools.core.CommunitySchoolsException} is the root of the SDK's exceptions.
 *
 * <p>Entry points: {@link org.communityschools.core.data.DistrictDataReader} (read a directory),
 * {@link org.communityschools.core.data.DistrictData#builder()} (build from records in code, with the same rules),
 * {@link org.communityschools.core.data.DistrictData} (query), {@link org.communityschools.core.live.LiveDistrict}
 * (keep data current), {@link org.communityschools.core.json.CommunitySchoolsJson} (JSON) and
 * {@link org.communityschools.core.synth.SyntheticCity} (test data). Packages named {@code internal} are
 * implementation, not API.
 */
@NullMarked
package org.communityschools.core;

import org.jspecify.annotations.NullMarked;
