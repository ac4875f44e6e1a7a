/**
 * Implementation of live district data: applying a batch ({@code Applier}: the change model's own rules in
 * {@code BatchPlan}, then the incremental path {@code Incremental} or the whole district assembled again,
 * {@code Rebuild}), locating violations at the changes ({@code Locator}), the change journal ({@code Journal},
 * {@code JournalCodec}) and the records of a {@code DistrictData} by file and key ({@code Records}). Not exported.
 */
@NullMarked
package org.communityschools.core.internal.live;

import org.jspecify.annotations.NullMarked;
