/** Implementation of the disclosure log: canonical lines, hash chain, scanning, sinks. Not exported. */
@NullMarked
package org.communityschools.privacy.internal.disclosure;

import org.jspecify.annotations.NullMarked;
