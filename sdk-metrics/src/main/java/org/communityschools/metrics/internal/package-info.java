/** Implementation of the metrics calculators; not exported. */
@NullMarked
package org.communityschools.metrics.internal;

import org.jspecify.annotations.NullMarked;
