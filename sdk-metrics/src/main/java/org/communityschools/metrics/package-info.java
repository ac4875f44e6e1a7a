/**
 * Outcome calculators: attendance and chronic absence (EDFacts FS195 and the presets of docs/metrics.md), the
 * adjusted cohort graduation rate (34 CFR 200.19(b)), early warning and intervention outcomes. All figures are exact: counts and {@link
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
 *       students; {@link org.communityschools.metrics.AttendanceSnapshot} is its immutable view.
 *       {@link org.communityschools.metrics.LiveChronicAbsence} feeds one from a live district's batches, and
 *       {@link org.communityschools.metrics.LiveEarlyWarning} keeps early-warning lists current per school
 *       (docs/live-data.md).</li>
 *   <li>{@link org.communityschools.metrics.Comparison} — community schools against the rest: changes in percentage
 *       points and the difference in differences.</li>
 *   <li>{@link org.communityschools.metrics.EarlyWarning} — a school's early-warning (ABC) list: per student flags with
 *       reasons from attendance, behavior and course performance under an
 *       {@link org.communityschools.metrics.EarlyWarningDefinition} (presets EVERYONE_GRADUATES, after Balfanz, Herzog
 *       &amp; Mac Iver 2007, and ED_FI_AMT, the Ed-Fi Analytics Middle Tier samples), sorted by risk.</li>
 *   <li>{@link org.communityschools.metrics.InterventionOutcomes} — for each intervention type and provider, the
 *       participants' attendance before and after their start against a matched comparison group of non-participants
 *       at the same schools, with counts and the difference in percentage points.</li>
 *   <li>{@link org.communityschools.metrics.ActionStepFollowUp} — the follow-up of a school team's action steps: the
 *       share completed on time per owner ({@link org.communityschools.metrics.OwnerTimeliness}), and for each step the
 *       attendance, behavior incidents and course marks of its students before and after it started, against matched
 *       students without a step, by the same method ({@link org.communityschools.metrics.ActionStepOutcome}).</li>
 * </ul>
 * Not yet built: multi-year trends beyond {@link org.communityschools.metrics.Comparison}.
 */
@NullMarked
package org.communityschools.metrics;

import org.communityschools.core.model.Ratio;
import org.jspecify.annotations.NullMarked;
