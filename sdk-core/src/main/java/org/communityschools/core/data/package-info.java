/**
 * The district data directory: one folder of CSV files plus {@code agreements.json} (see {@link
 * org.communityschools.core.data.DataFile} and docs/data-directory.md), read, validated, indexed and written.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@code DistrictDataReader} — {@code DistrictDataReader.builder().lenient(false).build().read(dir)}.
 *       Streams every file, checks field rules (parsing, Jakarta Validation annotations) and cross-record rules,
 *       and reports <em>every</em> {@link org.communityschools.core.data.Violation} with file, line, column,
 *       value and rule. A strict read loads nothing when there is any error and throws
 *       {@link org.communityschools.core.data.DataValidationException}; a lenient read returns the valid rows and a
 *       report of the rejected ones. Unknown columns are warnings; missing required columns are errors.</li>
 *   <li>{@code ReadResult} — the loaded {@code DistrictData} and the {@code LoadReport} (violations, rows read,
 *       accepted and rejected per file).</li>
 *   <li>{@code DistrictData} — immutable and indexed: a student's enrollments on a date, a school's partners in a
 *       year, a staff member's assignments and relationships at an instant, a school's instructional calendar, and
 *       the attendance held in a compact columnar {@code AttendanceTable} (see docs for bytes per row). Also built
 *       in code with {@code DistrictData.builder()}, which applies the same cross-record rules.</li>
 *   <li>{@code DistrictDataWriter} — writes a {@code DistrictData} to a directory, or streams rows file by file
 *       ({@code DistrictDataWriter.open(dir)}) so that a generator never holds a city in memory. Writing then
 *       reading gives back equal data.</li>
 * </ul>
 */
@NullMarked
package org.communityschools.core.data;

import org.jspecify.annotations.NullMarked;
