/**
 * Implementation of the district data directory reader: streaming CSV rows, field rules, cross-record rules.
 * Not exported.
 */
@NullMarked
package org.communityschools.core.internal.read;

import org.jspecify.annotations.NullMarked;
