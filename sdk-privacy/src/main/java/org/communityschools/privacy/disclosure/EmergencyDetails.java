package org.communityschools.privacy.disclosure;

import java.util.List;
import java.util.Objects;
import org.communityschools.privacy.internal.disclosure.Texts;

/**
 * What the record of a health or safety emergency disclosure must hold besides the common fields (34 CFR 99.32(a)(5),
 * 99.36): the articulable and significant threat that formed the basis of the disclosure, and the parties the
 * information was disclosed to. Describe the threat, not the student's records: the text is kept in the student's
 * record of disclosures for as long as the education record (99.32(a)(2)) and is destroyed with it. Immutable and
 * thread-safe.
 *
 * @param threat     the articulable and significant threat, 1–1000 characters, no control characters
 * @param recipients the parties that received the information (such as {@code "NYPD 5th Precinct"}), 1 to 50,
 *                   each 1–200 characters
 */
public record EmergencyDetails(String threat, List<String> recipients) {
    /**
     * Checks the texts and copies the recipients.
     *
     * @param threat the articulable and significant threat, 1–1000 characters, no control characters
     * @param recipients the parties that received the information (such as {@code "NYPD 5th Precinct"}), 1 to 50, each
     *     1–200 characters
     */
    public EmergencyDetails {
        Texts.check(threat, "threat", 1000);
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        if (recipients.isEmpty() || recipients.size() > 50) {
            throw new IllegalArgumentException("an emergency disclosure names 1 to 50 recipients (34 CFR 99.32(a)(5)(ii)), named " + recipients.size());
        }
        for (String r : recipients) {
            Texts.check(r, "recipient", 200);
        }
    }

    /** Sizes only: the threat is free text that may describe a person. */
    @Override
    public String toString() {
        return "EmergencyDetails[threat of " + threat.length() + " characters, " + recipients.size() + " recipient(s)]";
    }
}
