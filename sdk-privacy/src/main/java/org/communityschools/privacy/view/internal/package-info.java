/** Implementation of {@link org.communityschools.privacy.view}: how each catalog field is filled from district data. Not exported. */
@NullMarked
package org.communityschools.privacy.view.internal;

import org.jspecify.annotations.NullMarked;
