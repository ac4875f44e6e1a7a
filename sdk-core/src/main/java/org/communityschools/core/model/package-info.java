/**
 * The domain model: immutable, null-free records for everything in a district data directory.
 *
 * <p>Conventions: every type is a record whose compact constructor rejects what can never be valid (a missing
 * value, an end before a begin, credits earned above credits attempted) with an {@link IllegalArgumentException}
 * or {@link NullPointerException} naming the field; field rules that a district may tune (text lengths, numeric
 * ranges) are Jakarta Validation annotations, checked by the reader and by {@code DistrictData.builder()} with the
 * host's provider. Identifiers are
 * their own types ({@link org.communityschools.core.model.StudentId}, …). Absent values are {@link java.util.Optional}.
 * Periods are {@link org.communityschools.core.model.DateRange half-open ranges}; the directory's end dates are
 * inclusive last days and are converted on read. A school year is named by its ending year
 * ({@link org.communityschools.core.model.SchoolYear}). Field names follow the Ed-Fi Data Standard where one
 * exists ({@code entryDate}, {@code exitWithdrawDate}, {@code exitWithdrawType}).
 *
 * <p>Personal data never leaves a record through {@code toString()} or an exception message, so that a log line, a
 * stack trace or a debugger cannot leak it. Personal data is what FERPA calls personally identifiable information
 * (34 CFR 99.3) together with the education records it identifies: names, birth dates, sex, race/ethnicity, student
 * characteristics, attendance, enrollment and incident dates and codes, marks and credits, free text (reasons,
 * descriptions, goals, purposes) and the names of signatories. Hence:
 * <ul>
 *   <li>an identifier and the value types ({@link org.communityschools.core.model.DateRange},
 *       {@link org.communityschools.core.model.SchoolYear}, …) print their value, which round-trips;</li>
 *   <li>every other record prints its type and identifiers only ({@code Student[id=STU00001]},
 *       {@code AttendanceRecord[student=STU00001, school=01M015]}); a record that concerns no person (a school,
 *       an organization, a partnership, an instructional day, an intervention, an agreement) may add facts
 *       about the organization, such as a type, role, school year or date;</li>
 *   <li>a constructor's message names the field and the rule it breaks. It never names the student, so it may
 *       repeat an identifier, a code, or a number or date that the rule compares (credits, days, an exit before an
 *       entry); text (names, free text) and birth dates are never repeated, only described.</li>
 * </ul>
 * The reader applies the same rule to its violations: values of personal columns appear as {@code <redacted>}
 * ({@link org.communityschools.core.data.DataFile#isPersonal(String)}).
 *
 * <p>Cross-record rules (references exist, attendance falls on an instructional day inside an enrollment, no
 * overlapping enrollments at one school) need the whole directory and are checked by
 * {@link org.communityschools.core.data.DistrictDataReader} and {@link org.communityschools.core.data.DistrictDataBuilder}.
 *
 * <p>Entry points: the records' constructors, and set-once builders for the wide ones a vendor fills from its own
 * database ({@link org.communityschools.core.model.Student#builder()},
 * {@link org.communityschools.core.model.CourseMark#builder()}, {@link org.communityschools.core.model.Consent#builder()},
 * {@link org.communityschools.core.model.DataSharingAgreement#builder()}); identifiers with {@code of}
 * ({@link org.communityschools.core.model.StudentId#of(String)}, …); {@link org.communityschools.core.model.SchoolYear#of(int)}
 * and {@link org.communityschools.core.model.DateRange} for periods.
 */
@NullMarked
package org.communityschools.core.model;

import org.jspecify.annotations.NullMarked;
