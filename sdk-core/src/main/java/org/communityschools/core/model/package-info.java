/**
 * The domain model: immutable, null-free records for everything in a district data directory.
 *
 * <p>Conventions: every type is a record whose compact constructor rejects what can never be valid (a missing
 * value, an end before a begin, credits earned above credits attempted) with an {@link IllegalArgumentException}
 * or {@link NullPointerException} naming the field; field rules that a district may tune (text lengths, numeric
 * ranges) are Jakarta Validation annotations, checked by the reader with the host's provider. Identifiers are
 * their own types ({@link org.communityschools.core.model.StudentId}, …). Absent values are {@link java.util.Optional}.
 * Periods are {@link org.communityschools.core.model.DateRange half-open ranges}; the directory's end dates are
 * inclusive last days and are converted on read. A school year is named by its ending year
 * ({@link org.communityschools.core.model.SchoolYear}). Field names follow the Ed-Fi Data Standard where one
 * exists ({@code entryDate}, {@code exitWithdrawDate}, {@code exitWithdrawType}).
 *
 * <p>Cross-record rules (references exist, attendance falls on an instructional day inside an enrollment, no
 * overlapping enrollments at one school) need the whole directory and are checked by
 * {@link org.communityschools.core.data.DistrictDataReader}.
 */
@NullMarked
package org.communityschools.core.model;

import org.jspecify.annotations.NullMarked;
