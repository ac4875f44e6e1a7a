/** Helpers shared by the privacy packages. Not exported. */
@NullMarked
package org.communityschools.privacy.internal;

import org.jspecify.annotations.NullMarked;
