/**
 * The district data directory: one folder of CSV files plus {@code agreements.json} (see {@link
 * org.communityschools.core.data.DataFile} and docs/data-directory.md), read, validated, indexed and written.
 *
 * <p>Entry points: {@link org.communityschools.core.data.DistrictDataReader} reads a directory,
 * {@link org.communityschools.core.data.DistrictData#builder()} ({@link org.communityschools.core.data.DistrictDataBuilder})
 * builds the same data from records in code, {@link org.communityschools.core.data.DistrictData} answers the lookups,
 * {@link org.communityschools.core.data.DistrictDataWriter} writes a directory. The other types are their settings
 * ({@code ReadLimits}, {@code DataElements}) and results ({@code ReadResult}, {@code LoadReport},
 * {@code DataValidationException} with {@code Violation} or {@code RecordViolation}, {@code AttendanceTable},
 * {@code InstructionalCalendar}, {@code MeetingRecords}), and {@code CsvCells}.
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link org.communityschools.core.data.DistrictDataReader} —
 *       {@code DistrictDataReader.builder().lenient(false).build().read(dir)}. Set-once builder: {@code lenient},
 *       {@code validator} (default: the Jakarta Validation provider on the path, or {@code withoutBeanValidation()}),
 *       {@code maxReportedViolations} (default 10,000), {@code limits} (default {@code ReadLimits.defaults()}). Streams every file strictly as RFC 4180 within {@link org.communityschools.core.data.ReadLimits}, checks field
 *       rules (parsing, the records' own rules, Jakarta Validation annotations) and cross-record rules, and reports
 *       <em>every</em> {@link org.communityschools.core.data.Violation} with file, line, column, value and a stable
 *       rule code (docs/data-directory-rules.md). A strict read loads nothing when there is any error and throws
 *       {@link org.communityschools.core.data.DataValidationException}; a lenient read returns the valid rows and a
 *       report of the rejected ones, rejecting in turn rows that refer to a rejected row. Unknown columns are
 *       warnings; missing required columns are errors.</li>
 *   <li>{@link org.communityschools.core.data.ReadResult} — the loaded {@code DistrictData} and the
 *       {@link org.communityschools.core.data.LoadReport} (violations in file then line order, error and warning
 *       counts, rows read, accepted and rejected per file, {@code summary()}).</li>
 *   <li>{@link org.communityschools.core.data.DistrictData} — immutable and indexed, every lookup O(1) or
 *       O(log n): {@code student/school/staff/organization(id)}, {@code enrollmentsOf/On/At},
 *       {@code partnershipsOf}, {@code leadPartner}, {@code isCommunitySchool}, {@code schoolsPartneredWith},
 *       {@code assignmentsOf/On}, {@code relationshipsOfStaff/OfStudent/On}, {@code characteristicsOf},
 *       {@code calendar(school)} ({@link org.communityschools.core.data.InstructionalCalendar}),
 *       {@code incidentsOf}, {@code courseMarksOf}, {@code diplomasOf}, {@code consentsOf},
 *       {@code participantsOf}, {@code agreement(id)}, {@code schoolYears()}, and dense indexes
 *       ({@code studentIndex/studentAt/schoolIndex/schoolAt}). Attendance is held in a compact columnar
 *       {@link org.communityschools.core.data.AttendanceTable} (about 10 bytes per row, with a primitive
 *       {@link org.communityschools.core.data.AttendanceVisitor}, and a student's rows at once, read in place, as
 *       {@link org.communityschools.core.data.StudentAttendanceRows}); see docs/performance-data-loading.md.</li>
 *   <li>{@link org.communityschools.core.data.DistrictDataBuilder} — {@code DistrictData.builder().add(...).build()}:
 *       the same data from records made in code, checked by the reader's rules (each record's Jakarta Validation
 *       annotations, with the provider on the path unless {@code validator(...)} or {@code withoutBeanValidation()},
 *       and the cross-record rules), a record being refused exactly when its row would be. Every broken rule is a
 *       {@link org.communityschools.core.data.RecordViolation} located by record (type, position, identifiers,
 *       component, rule code) in {@link org.communityschools.core.data.DataValidationException#recordViolations()};
 *       nothing is built.</li>
 *   <li>{@link org.communityschools.core.data.MeetingRecords} — {@code data.meetings()}: the school teams' meetings,
 *       agenda items and action steps (docs/meetings.md), by meeting, school, student and owner, with the steps due.</li>
 *   <li>{@code DistrictDataWriter} — writes a {@code DistrictData} to a directory, or streams rows file by file
 *       ({@code DistrictDataWriter.open(dir)}) so that a generator never holds a city in memory. Writing then
 *       reading gives back equal data.</li>
 *   <li>{@link org.communityschools.core.data.CsvCells} — the SDK's one formula rule for CSV written for people
 *       (published tables, metric results, research extracts, crosswalks, the command line's CSV): {@code '} in front
 *       of a cell a spreadsheet would run, plain numbers left as they are, reversible with {@code restore}. The data
 *       directory is written exactly, without it.</li>
 * </ul>
 */
@NullMarked
package org.communityschools.core.data;

import org.jspecify.annotations.NullMarked;
