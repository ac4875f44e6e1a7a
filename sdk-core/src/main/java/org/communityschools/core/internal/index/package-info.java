/**
 * Implementation of the indexed in-memory {@code DistrictData}: dense id tables, grouped (CSR) indexes and the
 * compact columnar attendance store. Not exported.
 */
@NullMarked
package org.communityschools.core.internal.index;

import org.jspecify.annotations.NullMarked;
