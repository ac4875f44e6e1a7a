/**
 * Interoperability with the standards districts already use: {@link org.communityschools.interop.EdFiXmlImport}
 * (Ed-Fi Data Standard 5.x XML interchange) and {@link org.communityschools.interop.EdFiJsonImport} (Ed-Fi ODS/API
 * JSON resources) read a district's Ed-Fi export into a {@link org.communityschools.core.data.DistrictData} through
 * one importer, mapping Ed-Fi descriptors to the model's enumerations with a documented, overridable
 * {@link org.communityschools.interop.DescriptorMapping}; {@link org.communityschools.interop.EdFiJsonExport} writes
 * our data as Ed-Fi JSON resources; {@link org.communityschools.interop.EdFiChangeQueries} reads the answers of an Ed-Fi
 * ODS/API's change queries (changed records, deletes, key changes) into one
 * {@link org.communityschools.core.live.ChangeBatch} for a live district, through the same importer; {@link org.communityschools.interop.OneRosterImport} reads a OneRoster 1.2/1.1
 * CSV roster (schools, students, staff, teacher–student relationships). See docs/interop-edfi.md and
 * docs/interop-oneroster.md.
 */
@NullMarked
package org.communityschools.interop;

import org.jspecify.annotations.NullMarked;
