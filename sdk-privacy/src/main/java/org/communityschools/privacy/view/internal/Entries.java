package org.communityschools.privacy.view.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.policy.Decision;
import org.communityschools.privacy.policy.MaskTransform;
import org.communityschools.privacy.policy.Obligation;

/**
 * The exact disclosure entries of released content: one per authority under which something was written, listing the
 * fields written under it, the number of records of each (for fields of records), the masks applied and the digest of
 * the released bytes. Stateless.
 */
public final class Entries {
    private Entries() {}

    /**
     * The entries of content written under {@code written} (by authority: field to record count, -1 for a field of the
     * student), with {@code masked} transforms, whose released bytes have digest {@code digest}.
     */
    public static List<Disclosure> build(Decision decision, Map<ViewAssembler.Authority, SortedMap<FieldPath, Integer>> written,
                                         Map<FieldPath, MaskTransform> masked, String digest) {
        List<Disclosure> out = new ArrayList<>(written.size());
        Optional<String> contentDigest = Optional.of(digest);
        for (Map.Entry<ViewAssembler.Authority, SortedMap<FieldPath, Integer>> e : written.entrySet()) {
            SortedMap<FieldPath, Integer> shown = e.getValue();
            if (shown.isEmpty()) {
                continue;
            }
            ViewAssembler.Authority a = e.getKey();
            Disclosure template = template(decision, a);
            // one pass over the fields written, in path order: the field list (already sorted and distinct, so the
            // disclosure keeps it as it is), the record counts and the masks, without a builder and its maps
            FieldPath[] fields = new FieldPath[shown.size()];
            TreeMap<FieldPath, Integer> counts = new TreeMap<>();
            SortedMap<FieldPath, String> masks = java.util.Collections.emptySortedMap();
            int i = 0;
            for (Map.Entry<FieldPath, Integer> w : shown.entrySet()) {
                FieldPath f = w.getKey();
                fields[i++] = f;
                if (w.getValue() >= 0) {
                    counts.put(f, w.getValue());
                }
                MaskTransform t = masked.get(f);
                if (t != null && t != MaskTransform.REMOVE) {
                    if (masks.isEmpty()) {
                        masks = new TreeMap<>();
                    }
                    masks.put(f, t.name());
                }
            }
            out.add(new Disclosure(decision.at(), decision.requester(), template.requesterOrganization(),
                    decision.student(), List.of(fields), template.purpose(), a.basis(), a.agreement(), a.consent(),
                    template.emergency(), counts, masks, contentDigest));
        }
        return out;
    }

    /** The decision's disclosure obligation of authority {@code a}: who, for which organization and purpose. */
    private static Disclosure template(Decision decision, ViewAssembler.Authority a) {
        for (Obligation o : decision.obligations()) {
            if (o instanceof Obligation.RecordDisclosure r && r.disclosure().legalBasis() == a.basis()
                    && r.disclosure().agreementId().equals(a.agreement())
                    && r.disclosure().consentId().equals(a.consent())) {
                return r.disclosure();
            }
        }
        throw new IllegalStateException("the decision carries no disclosure obligation for " + a.basis());
    }
}
