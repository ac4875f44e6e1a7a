/**
 * Implementation of the indexed in-memory {@code DistrictData}: dense id tables, grouped (CSR) indexes and the
 * compact columnar stores of attendance, course marks and student–staff relationships (the latter two read as lists
 * of records built on demand). Not exported.
 */
@NullMarked
package org.communityschools.core.internal.index;

import org.jspecify.annotations.NullMarked;
