package org.communityschools.privacy.disclosure;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.internal.FieldPaths;
import org.communityschools.privacy.internal.disclosure.Texts;
import org.jspecify.annotations.Nullable;

/**
 * One disclosure of a student's records, as the record of disclosures of 34 CFR 99.32 needs it: who requested or
 * received the records (a staff member and their organization), whose records, which fields, when, for what purpose
 * (the legitimate interest, 99.32(a)(3)(ii)), under which {@link LegalBasis}, and the agreement or consent that
 * authorized it. It holds identifiers and field paths, never values, so the log never holds a student's data and can
 * be kept, inspected by parents (99.32(c)) and destroyed with the record.
 *
 * <p>Rules, checked by the constructor:
 * <ul>
 *   <li>1 to 256 fields, kept sorted and distinct;</li>
 *   <li>{@link LegalBasis#CONSENT} exactly when a consent id is given (99.30);</li>
 *   <li>{@link LegalBasis#STUDIES} and {@link LegalBasis#AUDIT_EVALUATION} need the written agreement's id
 *       (99.31(a)(6)(iii)(C), 99.35(a)(3)); an agreement id is not allowed with consent or in an emergency;</li>
 *   <li>{@link LegalBasis#EMERGENCY} exactly when {@link EmergencyDetails} are given (99.32(a)(5)).</li>
 * </ul>
 * Build one with {@link #builder()}. Immutable and thread-safe.
 *
 * @param at                    when the disclosure happened
 * @param requester             the staff member who requested or received the records
 * @param requesterOrganization the organization the requester acted for (a school, the district, a CBO)
 * @param student               whose records
 * @param fields                the disclosed fields, sorted and distinct, 1 to 256
 * @param purpose               the purpose, or legitimate interest; 1–500 characters, no control characters, never
 *                              personal data
 * @param legalBasis            the FERPA basis of the disclosure
 * @param agreementId           the data-sharing agreement that authorized it, if any
 * @param consentId             the consent that authorized it, present exactly for {@link LegalBasis#CONSENT}
 * @param emergency             the threat and recipients, present exactly for {@link LegalBasis#EMERGENCY}
 * @param recordCounts          for the fields that hold records ({@code attendance.records}), how many records were
 *                              written; keys among {@code fields}, counts 0 or more; empty when not known (an entry
 *                              made before the content was written, such as a decision's obligation)
 * @param masks                 the masks applied to written fields ({@code attendance.records.reason} to
 *                              {@code REMOVE}); keys among {@code fields}
 * @param contentDigest         {@code sha256:} and the 64 lower-case hex digits of the SHA-256 of the exact bytes
 *                              released, when the entry records content that was written
 */
public record Disclosure(Instant at, StaffId requester, OrganizationId requesterOrganization, StudentId student,
                         List<FieldPath> fields, String purpose, LegalBasis legalBasis, Optional<AgreementId> agreementId,
                         Optional<ConsentId> consentId, Optional<EmergencyDetails> emergency,
                         SortedMap<FieldPath, Integer> recordCounts, SortedMap<FieldPath, String> masks,
                         Optional<String> contentDigest) {
    private static final String DIGEST_PREFIX = "sha256:";
    private static final java.util.regex.Pattern MASK = java.util.regex.Pattern.compile("[A-Z][A-Z_]{0,31}");

    /**
     * A disclosure without content details (no record counts, masks or digest).
     *
     * @param at when the disclosure happened
     * @param requester the staff member who requested or received the records
     * @param requesterOrganization the organization the requester acted for (a school, the district, a CBO)
     * @param student whose records
     * @param fields the disclosed fields, sorted and distinct, 1 to 256
     * @param purpose the purpose, or legitimate interest; 1–500 characters, no control characters, never personal
     *     data
     * @param legalBasis the FERPA basis of the disclosure
     * @param agreementId the data-sharing agreement that authorized it, if any
     * @param consentId the consent that authorized it, present exactly for {@link LegalBasis#CONSENT}
     * @param emergency the threat and recipients, present exactly for {@link LegalBasis#EMERGENCY}
     */
    public Disclosure(Instant at, StaffId requester, OrganizationId requesterOrganization, StudentId student,
                      List<FieldPath> fields, String purpose, LegalBasis legalBasis, Optional<AgreementId> agreementId,
                      Optional<ConsentId> consentId, Optional<EmergencyDetails> emergency) {
        this(at, requester, requesterOrganization, student, fields, purpose, legalBasis, agreementId, consentId, emergency,
                Collections.emptySortedMap(), Collections.emptySortedMap(), Optional.empty());
    }

    /**
     * Checks the rules listed in the class comment.
     *
     * @param at when the disclosure happened
     * @param requester the staff member who requested or received the records
     * @param requesterOrganization the organization the requester acted for (a school, the district, a CBO)
     * @param student whose records
     * @param fields the disclosed fields, sorted and distinct, 1 to 256
     * @param purpose the purpose, or legitimate interest; 1–500 characters, no control characters, never personal data
     * @param legalBasis the FERPA basis of the disclosure
     * @param agreementId the data-sharing agreement that authorized it, if any
     * @param consentId the consent that authorized it, present exactly for {@link LegalBasis#CONSENT}
     * @param emergency the threat and recipients, present exactly for {@link LegalBasis#EMERGENCY}
     * @param recordCounts for the fields that hold records ({@code attendance.records}), how many records were written;
     *     keys among {@code fields}, counts 0 or more; empty when not known (an entry made before the content was
     *     written, such as a decision's obligation)
     * @param masks the masks applied to written fields ({@code attendance.records.reason} to {@code REMOVE}); keys
     *     among {@code fields}
     * @param contentDigest {@code sha256:} and the 64 lower-case hex digits of the SHA-256 of the exact bytes released,
     *     when the entry records content that was written
     */
    public Disclosure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(requesterOrganization, "requesterOrganization");
        Objects.requireNonNull(student, "student");
        fields = FieldPaths.sortedDistinct(Objects.requireNonNull(fields, "fields"));
        if (fields.isEmpty() || fields.size() > 256) {
            throw new IllegalArgumentException("a disclosure names 1 to 256 fields, named " + fields.size());
        }
        Texts.check(purpose, "purpose", 500);
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(emergency, "emergency");
        if ((legalBasis == LegalBasis.CONSENT) != consentId.isPresent()) {
            throw new IllegalArgumentException("a consent id is given exactly for legal basis CONSENT (34 CFR 99.30); basis was " + legalBasis);
        }
        if ((legalBasis == LegalBasis.EMERGENCY) != emergency.isPresent()) {
            throw new IllegalArgumentException("emergency details are given exactly for legal basis EMERGENCY (34 CFR 99.32(a)(5)); basis was " + legalBasis);
        }
        if ((legalBasis == LegalBasis.STUDIES || legalBasis == LegalBasis.AUDIT_EVALUATION) && agreementId.isEmpty()) {
            throw new IllegalArgumentException("legal basis " + legalBasis + " needs the written agreement's id (34 CFR 99.31(a)(6)(iii)(C), 99.35(a)(3))");
        }
        if ((legalBasis == LegalBasis.CONSENT || legalBasis == LegalBasis.EMERGENCY) && agreementId.isPresent()) {
            throw new IllegalArgumentException("an agreement id is not allowed with legal basis " + legalBasis);
        }
        // an empty map (most decisions' obligations) is the shared empty one: equal to any empty map, nothing copied
        recordCounts = Objects.requireNonNull(recordCounts, "recordCounts").isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(recordCounts));
        for (Map.Entry<FieldPath, Integer> e : recordCounts.entrySet()) {
            if (!isListed(fields, e.getKey()) || e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("a record count is 0 or more for a disclosed field, was " + e);
            }
        }
        masks = Objects.requireNonNull(masks, "masks").isEmpty() ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(masks));
        for (Map.Entry<FieldPath, String> e : masks.entrySet()) {
            if (!isListed(fields, e.getKey()) || e.getValue() == null || !MASK.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("a mask names a disclosed field and a transform such as REMOVE, was " + e);
            }
        }
        Objects.requireNonNull(contentDigest, "contentDigest");
        if (contentDigest.isPresent() && !isDigest(contentDigest.get())) {
            throw new IllegalArgumentException("a content digest is sha256: and 64 lower-case hex digits, was '"
                    + contentDigest.get() + "'");
        }
    }

    /** Whether {@code field} is one of {@code fields} (sorted and distinct: found by halving, for every entry's counts). */
    private static boolean isListed(List<FieldPath> fields, @Nullable FieldPath field) {
        return field != null && Collections.binarySearch(fields, field) >= 0;
    }

    /** Whether {@code text} is {@code sha256:} and 64 lower-case hex digits (one scan: checked for every entry). */
    private static boolean isDigest(String text) {
        if (text.length() != DIGEST_PREFIX.length() + 64 || !text.startsWith(DIGEST_PREFIX)) {
            return false;
        }
        for (int i = DIGEST_PREFIX.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return this disclosure as made at {@code instant}, all else equal}
     *
     * @param instant the instant of the disclosure
     */
    public Disclosure at(Instant instant) {
        return new Disclosure(instant, requester, requesterOrganization, student, fields, purpose, legalBasis, agreementId,
                consentId, emergency, recordCounts, masks, contentDigest);
    }

    /**
     * Whether this disclosure belongs to the record of disclosures that 34 CFR 99.32 requires. Disclosures to school
     * officials, with written consent, and of directory information are exempt (99.32(d)); studies, audit/evaluation
     * and emergency disclosures are not. The SDK logs every disclosure anyway and tags the required ones with this.
     *
     * @return true when the disclosure must be recorded under 34 CFR 99.32
     */
    public boolean isFerpaRecord() {
        return switch (legalBasis) {
            case SCHOOL_OFFICIAL, CONSENT, DIRECTORY -> false;
            case STUDIES, AUDIT_EVALUATION, EMERGENCY -> true;
        };
    }

    /**
     * {@return whether this is a health or safety emergency disclosure (34 CFR 99.36), which is always recorded and
     * flagged}
     */
    public boolean isEmergency() {
        return legalBasis == LegalBasis.EMERGENCY;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link Disclosure}. Every setting is set once (a second call throws {@link IllegalStateException});
     * {@link #build()} checks the combination. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable Instant at;
        private @Nullable StaffId requester;
        private @Nullable OrganizationId organization;
        private @Nullable StudentId student;
        private @Nullable List<FieldPath> fields;
        private @Nullable String purpose;
        private @Nullable LegalBasis legalBasis;
        private @Nullable AgreementId agreementId;
        private @Nullable ConsentId consentId;
        private @Nullable EmergencyDetails emergency;
        private final TreeMap<FieldPath, Integer> counts = new TreeMap<>();
        private final TreeMap<FieldPath, String> appliedMasks = new TreeMap<>();
        private @Nullable String digest;

        private Builder() {}

        /**
         * How many records of {@code field} were written (once per field).
         *
         * @param field a written field
         * @param count the number of its records written
         * @return this builder
         */
        public Builder recordCount(FieldPath field, int count) {
            if (counts.containsKey(Objects.requireNonNull(field, "field"))) {
                once(field, "recordCount of " + field); // the message made only when it is thrown
            }
            counts.put(field, count);
            return this;
        }

        /**
         * The mask applied to a written field (once per field).
         *
         * @param field a written field
         * @param transform the mask's name
         * @return this builder
         */
        public Builder mask(FieldPath field, String transform) {
            if (appliedMasks.containsKey(Objects.requireNonNull(field, "field"))) {
                once(field, "mask of " + field);
            }
            appliedMasks.put(field, Objects.requireNonNull(transform, "transform"));
            return this;
        }

        /**
         * The digest of the released bytes, {@code sha256:} and 64 hex digits.
         *
         * @param digest the digest of the released bytes, {@code sha256:} and 64 hex digits
         * @return this builder
         */
        public Builder contentDigest(String digest) {
            once(this.digest, "contentDigest");
            this.digest = Objects.requireNonNull(digest, "digest");
            return this;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * When the disclosure happened.
         *
         * @param at the instant
         * @return this builder
         */
        public Builder at(Instant at) {
            once(this.at, "at");
            this.at = Objects.requireNonNull(at, "at");
            return this;
        }

        /**
         * The staff member who requested or received the records.
         *
         * @param requester the staff member who requested or received the records
         * @return this builder
         */
        public Builder requester(StaffId requester) {
            once(this.requester, "requester");
            this.requester = Objects.requireNonNull(requester, "requester");
            return this;
        }

        /**
         * The organization the requester acted for.
         *
         * @param organization the organization the requester acted for
         * @return this builder
         */
        public Builder requesterOrganization(OrganizationId organization) {
            once(this.organization, "requesterOrganization");
            this.organization = Objects.requireNonNull(organization, "requesterOrganization");
            return this;
        }

        /**
         * Whose records.
         *
         * @param student the student
         * @return this builder
         */
        public Builder student(StudentId student) {
            once(this.student, "student");
            this.student = Objects.requireNonNull(student, "student");
            return this;
        }

        /**
         * The disclosed fields.
         *
         * @param fields the disclosed fields
         * @return this builder
         */
        public Builder fields(Collection<FieldPath> fields) {
            once(this.fields, "fields");
            this.fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
            return this;
        }

        /**
         * {@return the disclosed fields, as paths such as {@code attendance.records}}
         *
         * @param paths the disclosed fields, as paths such as {@code attendance.records}
         */
        public Builder fields(String... paths) {
            return fields(java.util.Arrays.stream(paths).map(FieldPath::of).toList());
        }

        /**
         * The purpose, or legitimate interest.
         *
         * @param purpose the purpose, or legitimate interest
         * @return this builder
         */
        public Builder purpose(String purpose) {
            once(this.purpose, "purpose");
            this.purpose = Texts.check(purpose, "purpose", 500);
            return this;
        }

        /**
         * The legal basis.
         *
         * @param legalBasis the legal basis
         * @return this builder
         */
        public Builder legalBasis(LegalBasis legalBasis) {
            once(this.legalBasis, "legalBasis");
            this.legalBasis = Objects.requireNonNull(legalBasis, "legalBasis");
            return this;
        }

        /**
         * The authorizing agreement.
         *
         * @param agreementId the authorizing agreement
         * @return this builder
         */
        public Builder agreement(AgreementId agreementId) {
            once(this.agreementId, "agreement");
            this.agreementId = Objects.requireNonNull(agreementId, "agreementId");
            return this;
        }

        /**
         * The authorizing consent.
         *
         * @param consentId the authorizing consent
         * @return this builder
         */
        public Builder consent(ConsentId consentId) {
            once(this.consentId, "consent");
            this.consentId = Objects.requireNonNull(consentId, "consentId");
            return this;
        }

        /**
         * The emergency's threat and recipients.
         *
         * @param emergency the emergency's threat and recipients
         * @return this builder
         */
        public Builder emergency(EmergencyDetails emergency) {
            once(this.emergency, "emergency");
            this.emergency = Objects.requireNonNull(emergency, "emergency");
            return this;
        }

        /**
         * The disclosure.
         *
         * @return the disclosure
         * @throws IllegalStateException    when a required setting is missing
         * @throws IllegalArgumentException when the combination breaks a rule of {@link Disclosure}
         */
        public Disclosure build() {
            return new Disclosure(required(at, "at"), required(requester, "requester"),
                    required(organization, "requesterOrganization"), required(student, "student"),
                    required(fields, "fields"), required(purpose, "purpose"), required(legalBasis, "legalBasis"),
                    Optional.ofNullable(agreementId), Optional.ofNullable(consentId), Optional.ofNullable(emergency),
                    counts, appliedMasks, Optional.ofNullable(digest));
        }

        private static <T> T required(@Nullable T value, String name) {
            if (value == null) {
                throw new IllegalStateException(name + " must be set");
            }
            return value;
        }
    }
}
