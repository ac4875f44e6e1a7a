package org.communityschools.privacy.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.communityschools.core.model.AgreementId;
import org.communityschools.core.model.ConsentId;
import org.communityschools.core.model.DataCategory;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.StaffId;
import org.communityschools.core.model.StudentId;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.disclosure.Disclosure;

/**
 * Assembles a {@link Decision} from what an {@link Evaluation} found: grants sorted by field, disclosure obligations
 * grouped by authority, denials grouped by category and reason, the explanation rendered only when read. Stateless.
 */
final class DecisionAssembly {
    private DecisionAssembly() {}

    /** The key of a disclosure entry: grants with the same basis, agreement and consent are logged together. */
    private record Authority(LegalBasis basis, Optional<AgreementId> agreement, Optional<ConsentId> consent) {}

    /**
     * The decision of an evaluation: the grants by field ({@code granted}, by catalog position), the disclosure
     * obligations one per authority (at most 256 fields each) followed by the masks, the denials by category and
     * reason (a forbid rule's, else the failed checks', else default deny), and the explanation, rendered when asked.
     */
    static Decision decision(RequestFacts x, List<Grant>[] granted, int grantedCount, String[] forbidden,
                             Set<String>[] failures, List<Obligation> masks, List<Supplier<String>> explanation) {
        PolicyIndex index = x.index;
        List<DataField> catalog = x.policy.catalog().fields();
        // The catalog is ordered by path, so the grants come out sorted by path.
        List<Grant> grants = new ArrayList<>(grantedCount);
        for (List<Grant> of : granted) {
            if (of != null) {
                grants.addAll(of);
            }
        }
        List<Obligation> obligations = new ArrayList<>();
        Map<Authority, List<Grant>> groups = new LinkedHashMap<>();
        Authority last = null;
        List<Grant> lastGroup = null;
        for (Grant g : grants) {
            if (last == null || last.basis() != g.basis() || !last.agreement().equals(g.agreement())
                    || !last.consent().equals(g.consent())) {
                last = new Authority(g.basis(), g.agreement(), g.consent());
                lastGroup = groups.computeIfAbsent(last, k -> new ArrayList<>());
            }
            if (lastGroup.isEmpty() || !lastGroup.get(lastGroup.size() - 1).field().equals(g.field())) {
                lastGroup.add(g);
            }
        }
        for (List<Grant> group : groups.values()) {
            for (int from = 0; from < group.size(); from += 256) {
                List<Grant> part = group.subList(from, Math.min(group.size(), from + 256));
                Grant g = part.get(0);
                List<FieldPath> paths = new ArrayList<>(part.size());
                for (Grant p : part) {
                    paths.add(p.field());
                }
                Disclosure.Builder b = Disclosure.builder().at(x.at).requester(x.requester)
                        .requesterOrganization(x.staff().employerId()).student(x.student)
                        .fields(paths).purpose(x.purpose.code()).legalBasis(g.basis());
                g.agreement().ifPresent(b::agreement);
                g.consent().ifPresent(b::consent);
                obligations.add(new Obligation.RecordDisclosure(b.build()));
            }
        }
        obligations.addAll(masks);
        List<Denial> denials = new ArrayList<>();
        String defaultDeny = null;
        List<String> reasons = new ArrayList<>(4);
        List<List<FieldPath>> fieldsByReason = new ArrayList<>(4);
        for (DataCategory c : DataCategory.values()) {
            int[] at = index.categoryIndices[c.ordinal()];
            reasons.clear();
            fieldsByReason.clear();
            boolean whole = true;
            for (int k : at) {
                if (granted[k] != null) {
                    whole = false;
                    continue;
                }
                String reason = forbidden[k];
                if (reason == null && failures[k] != null) {
                    Set<String> why = failures[k];
                    reason = why.size() == 1 ? why.iterator().next() : String.join("; ", why);
                }
                if (reason == null) {
                    if (defaultDeny == null) {
                        defaultDeny = "no rule grants it to this requester for purpose '" + x.purpose + "' (default deny)";
                    }
                    reason = defaultDeny;
                }
                int r = reasons.indexOf(reason);
                if (r < 0) {
                    r = reasons.size();
                    reasons.add(reason);
                    fieldsByReason.add(new ArrayList<>());
                }
                fieldsByReason.get(r).add(catalog.get(k).path());
            }
            if (whole && reasons.size() == 1) {
                // Every field of the category denied for one reason: the category's path list, already sorted.
                denials.add(new Denial(c, index.categoryPaths.get(c.ordinal()), reasons.get(0)));
            } else {
                for (int r = 0; r < reasons.size(); r++) {
                    denials.add(new Denial(c, fieldsByReason.get(r), reasons.get(r)));
                }
            }
        }
        if (grants.isEmpty()) {
            explanation.add(() -> "Nothing is permitted.");
        } else {
            explanation.add(() -> {
                StringBuilder permitted = new StringBuilder("Permitted: [");
                for (int j = 0; j < grants.size(); j++) {
                    if (j > 0) {
                        permitted.append(", ");
                    }
                    permitted.append(grants.get(j).field().value());
                }
                return permitted.append("].").toString();
            });
        }
        return new Decision(x.requester, x.student, x.purpose, x.at, x.date, x.policy.id(), x.policy.version(), grants,
                denials, obligations, () -> render(explanation));
    }

    /** The lines of an explanation, one per line. */
    private static String render(List<Supplier<String>> lines) {
        StringBuilder b = new StringBuilder(128 * lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(lines.get(i).get());
        }
        return b.toString();
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
