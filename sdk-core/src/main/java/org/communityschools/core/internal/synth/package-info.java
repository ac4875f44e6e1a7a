/**
 * Implementation of the synthetic city generator ({@link org.communityschools.core.synth.SyntheticCity}): the city
 * plan (schools, organizations, staff, calendars), the per-student life simulation and the ordered streaming
 * output. Not exported.
 */
@NullMarked
package org.communityschools.core.internal.synth;

import org.jspecify.annotations.NullMarked;
