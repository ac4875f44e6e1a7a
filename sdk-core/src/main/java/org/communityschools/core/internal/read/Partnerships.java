package org.communityschools.core.internal.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.index.IdTable;
import org.communityschools.core.model.Organization;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.OrganizationType;
import org.communityschools.core.model.Partnership;
import org.communityschools.core.model.PartnershipRole;
import org.communityschools.core.model.School;
import org.communityschools.core.model.SchoolId;

/**
 * The partnerships of partnerships.csv for the {@link Assembler}: their rules (a community organization partners a
 * school that exists, once per school year, with at most one LEAD per school and year) and their groupings by school
 * and year and by organization and year. Not thread-safe.
 */
final class Partnerships {
    private final List<Partnership> list = new ArrayList<>();
    private final Set<List<Object>> keys = new HashSet<>();
    private final Set<Long> leads = new HashSet<>();

    /** partnerships.csv: school and community organization exist; no duplicate; one lead per school and year. */
    boolean add(Partnership p, Where w, References refs, IdTable<SchoolId, School> schools,
                IdTable<OrganizationId, Organization> organizations) {
        DataFile f = DataFile.PARTNERSHIPS;
        String school = p.schoolId().value();
        String org = p.organizationId().value();
        boolean ok = refs.exists(schools, DataFile.SCHOOLS, "school", school, f, w, "school_id");
        if (refs.exists(organizations, DataFile.ORGANIZATIONS, "organization", org, f, w, "organization_id")) {
            if (organizations.record(organizations.indexOf(org)).type() != OrganizationType.COMMUNITY_ORGANIZATION) {
                ok = refs.error(f, w, "organization_id", org, "partnership.community-organization",
                        "organization_id must name a COMMUNITY_ORGANIZATION; '" + org + "' is not one");
            }
        } else {
            ok = false;
        }
        if (!ok) {
            return false;
        }
        if (!keys.add(List.of(school, org, p.schoolYear()))) {
            return refs.error(f, w, "school_id", school, "unique.partnership",
                    "a school, organization and school year may appear once; school '" + school + "', organization '"
                            + org + "', year " + p.schoolYear() + " are repeated");
        }
        if (p.role() == PartnershipRole.LEAD
                && !leads.add(DistrictIndex.schoolYearKey(schools.indexOf(school), p.schoolYear()))) {
            keys.remove(List.of(school, org, p.schoolYear()));
            return refs.error(f, w, "role", "LEAD", "partnership.one-lead", "a school has at most one LEAD partner per school year; school '"
                    + school + "' already has one in " + p.schoolYear());
        }
        list.add(p);
        return true;
    }

    /** The accepted partnerships, in reading order. */
    List<Partnership> list() {
        return list;
    }

    /** The partnerships of each school and year ({@link DistrictIndex#schoolYearKey}), by role then organization. */
    Map<Long, List<Partnership>> bySchoolYear(IdTable<SchoolId, School> schools) {
        Map<Long, List<Partnership>> out = new HashMap<>();
        for (Partnership p : list) {
            out.computeIfAbsent(DistrictIndex.schoolYearKey(schools.indexOf(p.schoolId().value()), p.schoolYear()),
                    k -> new ArrayList<>()).add(p);
        }
        out.replaceAll((k, v) -> {
            List<Partnership> sorted = new ArrayList<>(v);
            sorted.sort(Comparator.comparing((Partnership p) -> p.role()).thenComparing(p -> p.organizationId().value()));
            return List.copyOf(sorted);
        });
        return Map.copyOf(out);
    }

    /** The schools of each organization and year, sorted, distinct. */
    Map<Long, List<SchoolId>> byOrganizationYear(IdTable<OrganizationId, Organization> organizations) {
        Map<Long, List<SchoolId>> out = new HashMap<>();
        for (Partnership p : list) {
            out.computeIfAbsent(DistrictIndex.schoolYearKey(organizations.indexOf(p.organizationId().value()), p.schoolYear()),
                    k -> new ArrayList<>()).add(p.schoolId());
        }
        out.replaceAll((k, v) -> v.stream().sorted().distinct().toList());
        return Map.copyOf(out);
    }
}
