/** Implementation of the district data directory writer: the CSV row writer and the row formats. Not exported. */
@NullMarked
package org.communityschools.core.internal.write;

import org.jspecify.annotations.NullMarked;
