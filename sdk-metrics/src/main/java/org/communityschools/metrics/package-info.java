/**
 * Outcome calculators: attendance and chronic absence (EDFacts FS195 and the presets of docs/metrics.md),
 * adjusted cohort graduation rate (34 CFR 200.19(b)), early warning and intervention outcomes. Built in a later
 * issue; this package is their home.
 */
@NullMarked
package org.communityschools.metrics;

import org.jspecify.annotations.NullMarked;
