package org.communityschools.privacy.policy;

import java.time.Instant;
import java.util.Objects;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.disclosure.EmergencyDetails;

/**
 * A break-glass request: a staff member asks for a student's records because of a health or safety emergency
 * (FERPA 34 CFR 99.36), describing the articulable and significant threat and naming the parties the information
 * will be disclosed to, as the record of disclosures must hold them (99.32(a)(5)). Decide it with
 * {@link PolicyEngine#breakGlass(EmergencyRequest)}.
 *
 * <p>The constructor refuses a request that could never be a valid emergency disclosure, with an
 * {@link IllegalArgumentException} (misuse, not a decision): a threat description shorter than
 * {@value #MIN_THREAT_LENGTH} characters once trimmed (so "emergency" alone is refused: the threat must be
 * articulated), or no recipients ({@link EmergencyDetails} checks the texts: at most 1000 characters, 1 to 50
 * recipients, no control characters). Describe the threat, not the student's records: the description is kept in
 * the student's record of disclosures. Immutable and thread-safe.
 *
 * @param requester who breaks glass: a staff member of the district data
 * @param student   whose records
 * @param details   the threat and the recipients
 * @param at        the instant of the request
 */
public record EmergencyRequest(StaffId requester, StudentId student, EmergencyDetails details, Instant at) {
    /** The shortest threat description accepted, in characters after trimming. */
    public static final int MIN_THREAT_LENGTH = 20;

    /**
     * Checks that nothing is missing and that the threat is articulated (see the class comment).
     *
     * @param requester who breaks glass: a staff member of the district data
     * @param student whose records
     * @param details the threat and the recipients
     * @param at the instant of the request
     */
    public EmergencyRequest {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(at, "at");
        int length = details.threat().strip().length();
        if (length < MIN_THREAT_LENGTH) {
            throw new IllegalArgumentException("a health or safety emergency disclosure describes the articulable and "
                    + "significant threat (34 CFR 99.32(a)(5)(i)) in at least " + MIN_THREAT_LENGTH
                    + " characters; the description had " + length);
        }
    }
}
