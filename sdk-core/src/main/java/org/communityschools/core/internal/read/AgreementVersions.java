package org.communityschools.core.internal.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.AgreementVersionRules;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.internal.json.DomainCodecs;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.AgreementHistory;
import org.communityschools.core.model.DataSharingAgreement;

/**
 * Collects the accepted versions of each agreement and, once the file is read, checks the rules between successive
 * versions ({@link AgreementVersionRules}). A history with any broken rule, or with a version rejected for another
 * reason, is rejected as a whole: keeping the other versions could keep an agreement in force that a rejected
 * termination ends. Not thread-safe.
 */
final class AgreementVersions {
    private record Located(DataSharingAgreement agreement, Where where) {}

    private final List<Located> inOrder = new ArrayList<>();
    private final Map<String, List<Located>> byId = new LinkedHashMap<>();
    private final Set<String> rejectedIds = new HashSet<>();
    /** The id and version of each version added, to find repeated ones. */
    private final Set<String> keys = new HashSet<>();
    private List<DataSharingAgreement> accepted = List.of();
    private Map<String, AgreementHistory> histories = Map.of();

    /**
     * The cross-record rules of one version from agreements.json: unique id and version; organizations and schools
     * in scope exist; data elements are known. Adds the version when they hold, else notes its id as rejected. The
     * rules between versions are checked by {@link #finish}.
     */
    boolean check(DataSharingAgreement a, Where w, References refs, IdTable<?, ?> organizations, IdTable<?, ?> schools,
                  DataElements dataElements) {
        DataFile f = DataFile.AGREEMENTS;
        boolean ok = true;
        String key = a.id().value() + "#" + a.version();
        if (keys.contains(key)) {
            ok = refs.error(f, w, "agreement_id", a.id().value(), "unique.id",
                    "an agreement_id and version may appear once; '" + a.id().value() + "' version " + a.version() + " is repeated");
        }
        ok &= refs.exists(organizations, DataFile.ORGANIZATIONS, "organization", a.disclosingOrganizationId().value(), f, w,
                "disclosing_organization_id");
        ok &= refs.exists(organizations, DataFile.ORGANIZATIONS, "organization", a.recipientOrganizationId().value(), f, w,
                "recipient_organization_id");
        for (SchoolId s : new TreeSet<>(a.schoolIds())) {
            ok &= refs.exists(schools, DataFile.SCHOOLS, "school", s.value(), f, w, "school_ids");
        }
        for (String element : new TreeSet<>(a.dataElements())) {
            if (!dataElements.isKnown(element)) {
                ok = refs.error(f, w, "data_elements", element, DomainCodecs.DATA_ELEMENT, "data_elements must name field paths "
                        + "of the field catalog or data category names; '" + element + "' is neither");
            }
        }
        if (ok) {
            keys.add(key);
            add(a, w);
        } else {
            rejected(a.id().value());
        }
        return ok;
    }

    /** A version that passed its own and its cross-record rules. */
    void add(DataSharingAgreement a, Where where) {
        Located l = new Located(a, where);
        inOrder.add(l);
        byId.computeIfAbsent(a.id().value(), k -> new ArrayList<>()).add(l);
    }

    /** A version of agreement {@code id} was rejected: its other versions will be too. */
    void rejected(String id) {
        rejectedIds.add(id);
    }

    /**
     * Checks every history, reporting broken rules to {@code violations}; returns the number of versions rejected
     * now (those of histories with a broken rule or a rejected version).
     */
    long finish(Violations violations) {
        if (byId.isEmpty()) {
            return 0;
        }
        long rejectedNow = 0;
        Map<String, AgreementHistory> built = new TreeMap<>();
        for (Map.Entry<String, List<Located>> e : byId.entrySet()) {
            List<Located> versions = new ArrayList<>(e.getValue());
            versions.sort(Comparator.comparingInt(l -> l.agreement().version()));
            boolean ok = true;
            for (int i = 1; i < versions.size(); i++) {
                Located next = versions.get(i);
                Optional<AgreementVersionRules.Broken> broken =
                        AgreementVersionRules.successor(versions.get(i - 1).agreement(), next.agreement());
                if (broken.isPresent()) {
                    AgreementVersionRules.Broken b = broken.get();
                    violations.error(DataFile.AGREEMENTS, next.where().line(), next.where().column(b.field()), b.field(),
                            null, b.rule(), b.message() + "; every version of agreement " + e.getKey() + " is rejected");
                    ok = false;
                }
            }
            if (ok && rejectedIds.contains(e.getKey())) {
                Located first = versions.get(0);
                violations.error(DataFile.AGREEMENTS, first.where().line(), first.where().column("agreement_id"),
                        "agreement_id", e.getKey(), "reference.rejected", "another version of agreement " + e.getKey()
                                + " was rejected, so every version is: a partial history could keep in force what a "
                                + "rejected version ends");
                ok = false;
            }
            if (ok) {
                built.put(e.getKey(), AgreementHistory.of(versions.stream().map(Located::agreement).toList()));
            } else {
                rejectedNow += versions.size();
            }
        }
        accepted = inOrder.stream().filter(l -> built.containsKey(l.agreement().id().value())).map(Located::agreement).toList();
        histories = Collections.unmodifiableMap(built);
        return rejectedNow;
    }

    /** The accepted versions, in the order they were added. */
    List<DataSharingAgreement> accepted() {
        return accepted;
    }

    /** The history of each accepted agreement, by id in id order. */
    Map<String, AgreementHistory> histories() {
        return histories;
    }
}
