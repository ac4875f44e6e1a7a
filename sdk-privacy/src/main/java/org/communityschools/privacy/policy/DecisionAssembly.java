package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;
import org.jspecify.annotations.Nullable;

/**
 * Assembles a {@link Decision} from what an {@link Evaluation} found: grants sorted by field, disclosure obligations
 * grouped by authority, denials grouped by category and reason, the explanation rendered only when read. Stateless.
 */
final class DecisionAssembly {
    private DecisionAssembly() {}

    /**
     * The decision of an evaluation: the grants by field ({@code granted}, the first grant of each field by catalog
     * position, and {@code moreGrants} the later ones, when there are), the disclosure obligations one per authority
     * (at most 256 fields each) followed by the masks, the denials by category and reason (a forbid rule's, else the
     * failed checks', else default deny), and the explanation, rendered when asked.
     */
    static Decision decision(RequestFacts x, Grant[] granted, @Nullable List<Grant> @Nullable [] moreGrants,
                             int grantCount, @Nullable String @Nullable [] forbidden,
                             @Nullable Failures failures, List<Obligation> masks,
                             ExplanationLines explanation) {
        PolicyIndex index = x.index;
        List<DataField> catalog = x.policy.catalog().fields();
        // The catalog is ordered by path, so the grants come out sorted by path.
        Grant[] all = new Grant[grantCount];
        int n = 0;
        for (int k = 0; k < granted.length; k++) {
            Grant g = granted[k];
            if (g != null) {
                all[n++] = g;
                List<Grant> more = moreGrants == null ? null : moreGrants[k];
                if (more != null) {
                    for (int i = 0; i < more.size(); i++) {
                        all[n++] = more.get(i);
                    }
                }
            }
        }
        List<Obligation> obligations = new ArrayList<>(2 + masks.size());
        // the disclosures follow the grants in catalog and rule order (the authorities in order of first appearance)
        GrantSet set = index.grantSet(all);
        if (set.fieldCount() > 0 && set.oneAuthority && set.fieldCount() <= 256) {
            // one entry names every granted field: the set's sorted list, as is
            obligations.add(disclosure(x, set.grants.get(0), set.fieldList));
        } else if (set.fieldCount() > 0) {
            disclosures(x, java.util.Arrays.asList(all), obligations);
        }
        obligations.addAll(masks);
        // why each field not granted is denied; the denials of an equal pattern are shared
        String defaultDeny = index.defaultDeny(x.purpose);
        // the failures' array of first reasons is overwritten in place: each position after its reasons are read
        String[] why = failures != null ? failures.firstReasons() : new String[granted.length];
        for (int k = 0; k < why.length; k++) {
            why[k] = granted[k] != null ? PolicyIndex.GRANTED : reason(k, forbidden, failures, defaultDeny);
        }
        List<Denial> denials = index.denials(why, defaultDeny, x.purpose, set);
        explanation.permitted(set);
        return new Decision(x.requester, x.student, x.purpose, x.at, x.date, x.policy.id(), x.policy.version(), set,
                denials, obligations, explanation);
    }

    /**
     * The denials of the fields whose reasons are {@code why} (by catalog position; {@link PolicyIndex#GRANTED} for a
     * granted field): by category, then by reason in order of first appearance; a category all of whose fields are
     * denied for one reason as one denial of the category's paths.
     */
    static List<Denial> denials(PolicyIndex index, List<DataField> catalog, String[] why, String defaultDeny,
                                Purpose purpose) {
        List<Denial> denials = new ArrayList<>(PolicyIndex.CATEGORIES.length);
        for (DataCategory c : PolicyIndex.CATEGORIES) {
            int[] at = index.categoryIndices[c.ordinal()];
            // first pass: whether every field of the category is denied, and for one reason
            boolean whole = true;
            String only = null;
            boolean several = false;
            for (int k : at) {
                String reason = why[k];
                if (reason == PolicyIndex.GRANTED) {
                    whole = false;
                    continue;
                }
                if (only == null) {
                    only = reason;
                } else if (!several && !only.equals(reason)) {
                    several = true;
                }
            }
            if (only == null) {
                continue;
            }
            if (whole && !several) {
                // Every field of the category denied for one reason: the category's path list, already sorted; for
                // default deny, the denial the index keeps for the purpose.
                Denial shared = only == defaultDeny ? index.wholeDefaultDenial(purpose, c) : null;
                denials.add(shared != null ? shared : new Denial(c, index.categoryPaths.get(c.ordinal()), only));
                continue;
            }
            // second pass: the denied fields by reason, the reasons in order of first appearance
            List<String> reasons = new ArrayList<>(4);
            List<List<FieldPath>> fieldsByReason = new ArrayList<>(4);
            for (int k : at) {
                String reason = why[k];
                if (reason == PolicyIndex.GRANTED) {
                    continue;
                }
                int r = reasons.indexOf(reason);
                if (r < 0) {
                    r = reasons.size();
                    reasons.add(reason);
                    fieldsByReason.add(new ArrayList<>(at.length));
                }
                fieldsByReason.get(r).add(catalog.get(k).path());
            }
            for (int r = 0; r < reasons.size(); r++) {
                denials.add(new Denial(c, fieldsByReason.get(r), reasons.get(r)));
            }
        }
        return List.copyOf(denials);
    }

    /** Why the field at catalog position {@code k}, which no rule granted, is denied. */
    private static String reason(int k, @Nullable String @Nullable [] forbidden, @Nullable Failures failures,
                                 String defaultDeny) {
        String reason = forbidden == null ? null : forbidden[k];
        if (reason == null && failures != null) {
            reason = failures.reason(k);
        }
        return reason != null ? reason : defaultDeny;
    }

    /**
     * Adds the disclosure obligations of {@code grants} (by field, then rule order): one per authority (basis, agreement,
     * consent), in the order of each authority's first grant, of the distinct fields granted under it, at most 256
     * fields each.
     */
    private static void disclosures(RequestFacts x, List<Grant> grants, List<Obligation> out) {
        // the first grant of each authority, in order of appearance: few (usually one)
        List<Grant> authorities = new ArrayList<>(2);
        int[] authorityOf = new int[grants.size()];
        for (int i = 0; i < grants.size(); i++) {
            Grant g = grants.get(i);
            int a = 0;
            while (a < authorities.size() && !sameAuthority(authorities.get(a), g)) {
                a++;
            }
            if (a == authorities.size()) {
                authorities.add(g);
            }
            authorityOf[i] = a;
        }
        for (int a = 0; a < authorities.size(); a++) {
            Grant first = authorities.get(a);
            List<FieldPath> paths = new ArrayList<>(grants.size());
            for (int i = 0; i < grants.size(); i++) {
                FieldPath f = grants.get(i).field();
                // a field granted twice under one authority (by two rules) is logged once
                if (authorityOf[i] == a && (paths.isEmpty() || !paths.get(paths.size() - 1).equals(f))) {
                    paths.add(f);
                }
            }
            for (int from = 0; from < paths.size(); from += 256) {
                List<FieldPath> part = paths.size() <= 256 ? paths : paths.subList(from, Math.min(paths.size(), from + 256));
                out.add(disclosure(x, first, part));
            }
        }
    }

    /** The obligation to record the disclosure of {@code fields} under {@code first}'s authority. */
    private static Obligation disclosure(RequestFacts x, Grant first, List<FieldPath> fields) {
        // the record's constructor, as the builder calls it, without the builder and its two maps (one per decision)
        return new Obligation.RecordDisclosure(new Disclosure(x.at, x.requester, x.staff().employerId(), x.student,
                fields, x.purpose.code(), first.basis(), first.agreement(), first.consent(), Optional.empty(),
                NO_COUNTS, NO_MASKS, Optional.empty()));
    }

    /** A decision's disclosure records no content yet: no record counts, no masks applied. */
    private static final java.util.SortedMap<FieldPath, Integer> NO_COUNTS = java.util.Collections.emptySortedMap();
    private static final java.util.SortedMap<FieldPath, String> NO_MASKS = java.util.Collections.emptySortedMap();

    private static boolean sameAuthority(Grant a, Grant b) {
        return a.basis() == b.basis() && a.agreement().equals(b.agreement()) && a.consent().equals(b.consent());
    }

    /** The decision that denies every field of the policy's catalog for {@code reason}. */
    static Decision denyAll(Policy policy, StaffId requester, StudentId student, Purpose purpose, Instant at,
                            LocalDate date, String reason) {
        Map<DataCategory, List<FieldPath>> byCategory = new EnumMap<>(DataCategory.class);
        for (DataField f : policy.catalog().fields()) {
            byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f.path());
        }
        List<Denial> denials = new ArrayList<>();
        byCategory.forEach((c, fields) -> denials.add(new Denial(c, fields, reason)));
        return new Decision(requester, student, purpose, at, date, policy.id(), policy.version(), List.of(), denials,
                List.of(), "Policy " + policy.id() + " v" + policy.version() + ": everything is denied: " + reason + ".");
    }
}
