/**
 * Implementation of the synthetic city generator ({@link org.communityschools.core.synth.SyntheticCity}): the city
 * plan (schools, organizations, staff, calendars), the per-student life simulation, the ordered streaming output,
 * and the school-team meetings drawn afterwards from what the simulation flagged ({@code TeamFlag}, {@code
 * TeamMeetings}). Not exported.
 */
@NullMarked
package org.communityschools.core.internal.synth;

import org.jspecify.annotations.NullMarked;
