package org.communityschools.privacy.view.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        List<Disclosure> out = new ArrayList<>();
        for (Map.Entry<ViewAssembler.Authority, SortedMap<FieldPath, Integer>> e : written.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            ViewAssembler.Authority a = e.getKey();
            Disclosure template = template(decision, a);
            Disclosure.Builder b = Disclosure.builder().at(decision.at()).requester(decision.requester())
                    .requesterOrganization(template.requesterOrganization()).student(decision.student())
                    .fields(e.getValue().keySet()).purpose(template.purpose()).legalBasis(a.basis()).contentDigest(digest);
            a.agreement().ifPresent(b::agreement);
            a.consent().ifPresent(b::consent);
            template.emergency().ifPresent(b::emergency);
            Map<FieldPath, String> masks = new TreeMap<>();
            e.getValue().forEach((f, n) -> {
                if (n >= 0) {
                    b.recordCount(f, n);
                }
                MaskTransform t = masked.get(f);
                if (t != null && t != MaskTransform.REMOVE) {
                    masks.put(f, t.name());
                }
            });
            masks.forEach(b::mask);
            out.add(b.build());
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
