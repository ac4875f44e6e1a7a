/** Implementation of table protection: the suppression heuristic and the exact audit. Not exported. */
@NullMarked
package org.communityschools.privacy.publication.internal;

import org.jspecify.annotations.NullMarked;
