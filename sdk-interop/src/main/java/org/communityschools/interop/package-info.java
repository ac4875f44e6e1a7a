/**
 * Import of Ed-Fi Data Standard 5.x XML interchange files into the SDK's domain model:
 * {@link org.communityschools.interop.EdFiXmlImport} reads a folder of interchange files into a
 * {@link org.communityschools.core.data.DistrictData}, mapping Ed-Fi descriptors to the model's enumerations with a
 * documented, overridable {@link org.communityschools.interop.DescriptorMapping}. See docs/interop-edfi.md.
 */
@NullMarked
package org.communityschools.interop;

import org.jspecify.annotations.NullMarked;
