/**
 * A seeded generator of synthetic but realistic district data directories ({@code SyntheticCity}) with presets
 * {@code tiny}, {@code district} and {@code nyc}: mid-year transfers, dropouts, GED enrollees, documented and
 * undocumented transfers, early and summer graduates, half-day absences, suspensions, course failures, English
 * learners and students with disabilities, community schools with their lead CBOs, Community School Directors,
 * Success Mentors and their caseloads, teachers' rosters, agreements and consents, and the school teams' meetings
 * with their agenda items and action steps. Same seed, same bytes.
 * The data are invented; no real student is described.
 *
 * <p>Entry points: {@link org.communityschools.core.synth.SyntheticCity} ({@code SyntheticCity.builder()}), with a
 * {@link org.communityschools.core.synth.Preset}; a generation returns a
 * {@link org.communityschools.core.synth.GenerationSummary}.
 */
@NullMarked
package org.communityschools.core.synth;

import org.jspecify.annotations.NullMarked;
