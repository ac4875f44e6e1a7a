/**
 * Outcome calculators: attendance and chronic absence (EDFacts FS195 and the presets of docs/metrics.md) and the
 * adjusted cohort graduation rate (34 CFR 200.19(b)). All figures are exact: counts and {@link
 * org.communityschools.core.model.Ratio}s, never floating point, and every rate comes with its numerator and
 * denominator.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>{@link org.communityschools.metrics.ChronicAbsenceDefinition} — the definition (presets FEDERAL, NYSED,
 *       NYC_LEGACY, CRDC, CALIFORNIA, or a builder); {@link org.communityschools.metrics.ChronicAbsence} — figures
 *       for one student-enrollment ({@link org.communityschools.metrics.AttendanceFigures}), pooling, and the
 *       batch {@link org.communityschools.metrics.ChronicAbsenceReport} by school, district, grade, subgroup and
 *       community-school status.</li>
 *   <li>{@link org.communityschools.metrics.GraduationCohortDefinition} and
 *       {@link org.communityschools.metrics.GraduationRate} — the adjusted cohort graduation rate with its counts
 *       by school and district ({@link org.communityschools.metrics.GraduationCohortReport}).</li>
 *   <li>{@link org.communityschools.metrics.AttendanceAccumulator} — the same chronic-absence figures kept up to
 *       date one event at a time (enrollments, calendar days, attendance records and their corrections, in any
 *       order; O(1) per event), read for any school or group year to date as of any date, merged across shards of
 *       students; {@link org.communityschools.metrics.AttendanceSnapshot} is its immutable view.</li>
 * </ul>
 * Not yet built: early warning, intervention outcomes, trends.
 */
@NullMarked
package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import org.jspecify.annotations.NullMarked;
