package org.communityschools.privacy;

/**
 * A legal or practical overlay on a field, on top of FERPA (34 CFR Part 99). A field has any number of these tags.
 * {@link #DIRECTORY_INFORMATION} marks the fields eligible for the directory-information exception; every other tag
 * adds conditions that the policy engine ({@link org.communityschools.privacy.policy.PolicyEngine}) applies on top of the legal basis, so those tags can only make a
 * disclosure harder, never easier.
 */
public enum Sensitivity {
    /**
     * The field is of a kind a district may designate as directory information (34 CFR 99.3 "directory
     * information", 99.37): name, address, telephone, date of birth, grade level, dates of attendance, most recent
     * school, degrees and awards, a student id that cannot by itself open the records. The tag says the field is
     * eligible; only the district's annual directory notice makes it directory information, and never for a student
     * whose parent opted out (99.37(a)(2)).
     */
    DIRECTORY_INFORMATION,
    /**
     * Special education records under IDEA Part B: parental consent for disclosure beyond FERPA's exceptions, a
     * record of access, and a list of staff with access (34 CFR 300.610–300.626, in particular 300.614, 300.622,
     * 300.623).
     */
    SPECIAL_EDUCATION_IDEA,
    /**
     * Free and reduced-price meal eligibility (National School Lunch Act, 42 USC 1758(b)(6); 7 CFR 245.6): only the
     * eligibility status, only to the programs the statute names, otherwise with parental consent; a FERPA basis
     * alone does not authorize it, and unauthorized disclosure carries criminal penalties.
     */
    MEAL_ELIGIBILITY_NSLA,
    /**
     * Health information: nurse visits, immunizations, an impairment behind a Section 504 plan. In a school these are
     * education records under FERPA, not HIPAA records, but practice treats them as highly sensitive.
     */
    HEALTH,
    /**
     * Free text written by staff (notes, descriptions, reasons, goals): it can contain anything, including other
     * students' names and health details, so it is treated as the most sensitive kind of field (personally
     * identifiable information of others, 34 CFR 99.3).
     */
    FREE_TEXT;
}
