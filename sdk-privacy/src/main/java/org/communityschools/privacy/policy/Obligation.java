package org.communityschools.privacy.policy;

import java.util.Objects;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;

/**
 * Something the caller must do when it acts on a permit, in the XACML sense: a decision that permits fields is only
 * honoured together with its obligations. Immutable and thread-safe.
 */
public sealed interface Obligation permits Obligation.RecordDisclosure, Obligation.MaskField,
        Obligation.RestrictRows {
    /**
     * Append this disclosure to the record of disclosures ({@link org.communityschools.privacy.disclosure.DisclosureSink})
     * before releasing the fields, and release nothing when that fails. The SDK records every disclosure;
     * {@link #ferpaRecord()} tells whether 34 CFR 99.32 requires it (studies, audit/evaluation) or it is exempt (school
     * official, consent, directory, 99.32(d)). Special-education fields are always recorded: the record of access of
     * 34 CFR 300.614.
     *
     * @param disclosure the entry to append: requester, organization, student, fields, purpose, basis, agreement or consent
     */
    record RecordDisclosure(Disclosure disclosure) implements Obligation {
        /**
         * Checks that nothing is missing.
         *
         * @param disclosure the entry to append: requester, organization, student, fields, purpose, basis, agreement or
         *     consent
         */
        public RecordDisclosure {
            Objects.requireNonNull(disclosure, "disclosure");
        }

        /** {@return whether 34 CFR 99.32 requires this entry in the legal record of disclosures} */
        public boolean ferpaRecord() {
            return disclosure.isFerpaRecord();
        }
    }

    /**
     * Show {@code field} only through {@code transform}.
     *
     * @param field     the permitted field
     * @param transform the masking transform
     */
    record MaskField(FieldPath field, MaskTransform transform) implements Obligation {
        /**
         * Checks that nothing is missing.
         *
         * @param field the permitted field
         * @param transform the masking transform
         */
        public MaskField {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(transform, "transform");
        }
    }

    /**
     * Show only the rows (records) of {@code field} that pass {@code filter}, e.g. only the interventions the requester
     * delivers. A consumer that does not support the filter on the field shows none of the field (fail closed).
     *
     * @param field  the permitted field of records
     * @param filter which rows are shown
     */
    record RestrictRows(FieldPath field, RowFilter filter) implements Obligation {
        /**
         * Checks that nothing is missing.
         *
         * @param field the permitted field of records
         * @param filter which rows are shown
         */
        public RestrictRows {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(filter, "filter");
        }
    }
}
