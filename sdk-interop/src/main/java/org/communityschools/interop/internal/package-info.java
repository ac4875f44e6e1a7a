/** Implementation of the Ed-Fi XML import: the StAX record reader and the mapping to the domain model. Not exported. */
@NullMarked
package org.communityschools.interop.internal;

import org.jspecify.annotations.NullMarked;
