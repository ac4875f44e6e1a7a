package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.privacy.DataField;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.communityschools.privacy.Sensitivity;

/** The validation of a whole policy against its catalog (the rules listed on {@link Policy}). */
final class PolicyChecker {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private PolicyChecker() {}

    static Policy check(String id, int version, String description, FieldCatalog catalog,
                        SortedMap<Purpose, String> purposes, List<String> directoryFields, List<Rule> rules,
                        java.util.Optional<EmergencyAccess> emergency, Locator at) {
        List<PolicyProblem> problems = new ArrayList<>();
        emergency.ifPresent(e -> problems.addAll(e.problems(catalog, at)));
        if (!ID.matcher(id).matches()) {
            problems.add(new PolicyProblem(at.top("id", -1), "policy-id", "a policy id has 1-64 letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit; was '" + id + "'"));
        }
        if (version < 1) {
            problems.add(new PolicyProblem(at.top("version", -1), "policy-version", "a policy version is 1 or more, was " + version));
        }
        if (purposes.isEmpty()) {
            problems.add(new PolicyProblem(at.top("purposes", -1), "purposes-required", "a policy declares at least one purpose"));
        }
        TreeSet<FieldPath> directory = new TreeSet<>();
        for (int j = 0; j < directoryFields.size(); j++) {
            String path = directoryFields.get(j);
            var field = catalog.field(path);
            if (field.isEmpty()) {
                problems.add(new PolicyProblem(at.top("directoryFields", j), "directory-field-unknown", "directory fields must be field paths of "
                        + "the catalog; unknown: '" + path + "'"));
            } else if (!field.get().has(Sensitivity.DIRECTORY_INFORMATION)) {
                problems.add(new PolicyProblem(at.top("directoryFields", j), "directory-field-not-eligible", "only fields eligible as directory "
                        + "information (34 CFR 99.3) can be designated; not eligible: " + path));
            } else {
                directory.add(field.get().path());
            }
        }
        Map<String, Integer> ids = new HashMap<>();
        List<Set<DataField>> granted = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            Integer first = ids.putIfAbsent(r.id(), i);
            if (first != null) {
                problems.add(new PolicyProblem(at.rule(i, "id", -1), "rule-id-duplicate", "rule ids must be unique; '" + r.id()
                        + "' is also the id of rules[" + first + "]"));
            }
            Set<DataField> fields = new LinkedHashSet<>();
            for (int j = 0; j < r.fields().size(); j++) {
                String e = r.fields().get(j);
                if (catalog.isKnownElement(e)) {
                    fields.addAll(catalog.resolve(List.of(e)));
                } else {
                    problems.add(new PolicyProblem(at.rule(i, "fields", j), "field-unknown", "rule fields must be field paths of the "
                            + "catalog or data category names; unknown: '" + e + "'"));
                }
            }
            granted.add(fields);
            int j = 0;
            for (Purpose p : r.purposes()) {
                if (!purposes.containsKey(p)) {
                    problems.add(new PolicyProblem(at.rule(i, "purposes", j), "purpose-undeclared", "rule purposes must be declared by the "
                            + "policy; undeclared: '" + p + "'"));
                }
                j++;
            }
            for (int m = 0; m < r.masks().size(); m++) {
                Mask mask = r.masks().get(m);
                var field = catalog.field(mask.field());
                if (field.isEmpty() || !fields.contains(field.get())) {
                    problems.add(new PolicyProblem(at.rule(i, "masks", m), "mask-field-not-granted", "a mask names a field its rule grants; "
                            + "rule '" + r.id() + "' does not grant " + mask.field()));
                } else if (!applies(mask.transform(), field.get())) {
                    problems.add(new PolicyProblem(at.rule(i, "masks", m), "mask-not-applicable", "mask " + mask.transform()
                            + " does not apply to " + mask.field() + " (" + applicability(mask.transform()) + ")"));
                }
            }
            for (int k = 0; k < r.rows().size(); k++) {
                RowRestriction row = r.rows().get(k);
                var field = catalog.field(row.field());
                if (!row.field().equals(row.filter().field())) {
                    problems.add(new PolicyProblem(at.rule(i, "rows", k), "row-filter-field", "row filter " + row.filter()
                            + " applies only to " + row.filter().field() + "; was given for " + row.field()));
                } else if (field.isEmpty() || !fields.contains(field.get())) {
                    problems.add(new PolicyProblem(at.rule(i, "rows", k), "row-field-not-granted", "a row restriction names a field its rule "
                            + "grants; rule '" + r.id() + "' does not grant " + row.field()));
                }
            }
            if (r.basis().orElse(null) == LegalBasis.DIRECTORY) {
                for (DataField f : fields) {
                    if (!directory.contains(f.path())) {
                        problems.add(new PolicyProblem(at.rule(i, "fields", -1), "directory-rule-field", "a DIRECTORY rule grants only the "
                                + "fields the policy designates as directory information (34 CFR 99.37); not designated: "
                                + f.path()));
                    }
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule permit = rules.get(i);
            if (permit.effect() != Effect.PERMIT || granted.get(i).isEmpty()) {
                continue;
            }
            Set<FieldPath> grantable = new TreeSet<>();
            for (DataField f : granted.get(i)) {
                if (overlayAllows(permit, f)) {
                    grantable.add(f.path());
                }
            }
            if (grantable.isEmpty()) {
                problems.add(new PolicyProblem(at.rule(i, "fields", -1), "rule-unreachable", "unreachable rule '" + permit.id() + "': every "
                        + "field it grants needs an explicit basis it does not give (IDEA 34 CFR 300.622, NSLA 42 USC "
                        + "1758(b)(6)): name the overlay in 'authorizes' or use basis CONSENT"));
                continue;
            }
            for (int k = 0; k < rules.size(); k++) {
                Rule forbid = rules.get(k);
                if (forbid.effect() != Effect.FORBID || !covers(forbid, permit)) {
                    continue;
                }
                Set<FieldPath> denied = new TreeSet<>();
                for (DataField f : granted.get(k)) {
                    denied.add(f.path());
                }
                Set<FieldPath> overlap = new TreeSet<>(grantable);
                overlap.retainAll(denied);
                if (overlap.equals(grantable)) {
                    problems.add(new PolicyProblem(at.rule(i, "", -1), "rule-unreachable", "unreachable rule '" + permit.id() + "': forbid rule '"
                            + forbid.id() + "' applies whenever it does and denies every field it grants"));
                    grantable.clear();
                    break;
                } else if (!overlap.isEmpty()) {
                    problems.add(new PolicyProblem(at.rule(i, "", -1), "rules-contradict", "contradictory rules: '" + permit.id()
                            + "' grants and '" + forbid.id() + "' forbids " + overlap + " under the same conditions; "
                            + "remove those fields from the permit rule"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return new Policy(id, version, description, catalog, purposes, directory, rules, emergency);
    }

    /** Whether the rule may grant the field as far as the IDEA and NSLA overlays go: they need their own basis. */
    static boolean overlayAllows(Rule rule, DataField field) {
        boolean consent = rule.basis().orElse(null) == LegalBasis.CONSENT;
        if (field.has(Sensitivity.SPECIAL_EDUCATION_IDEA) && !consent
                && !rule.authorizes().contains(Sensitivity.SPECIAL_EDUCATION_IDEA)) {
            return false;
        }
        return !field.has(Sensitivity.MEAL_ELIGIBILITY_NSLA) || consent
                || rule.authorizes().contains(Sensitivity.MEAL_ELIGIBILITY_NSLA);
    }

    /** Whether the forbid rule applies whenever the permit rule does. */
    private static boolean covers(Rule forbid, Rule permit) {
        boolean roles = forbid.roles().containsAll(permit.roles());
        boolean relationship = forbid.relationship() == Relationship.ANY
                || forbid.relationship() == permit.relationship()
                && forbid.relationshipTypes().containsAll(permit.relationshipTypes());
        boolean purposes = forbid.purposes().isEmpty() || forbid.purposes().containsAll(permit.purposes());
        return roles && relationship && purposes;
    }

    static boolean applies(MaskTransform transform, DataField field) {
        return switch (transform) {
            case BIRTH_YEAR_ONLY -> field.path().value().equals("demographics.birthDate");
            case INITIALS -> field.path().value().equals("identity.name");
            case REMOVE -> field.has(Sensitivity.FREE_TEXT);
        };
    }

    private static String applicability(MaskTransform transform) {
        return switch (transform) {
            case BIRTH_YEAR_ONLY -> "it applies to demographics.birthDate";
            case INITIALS -> "it applies to identity.name";
            case REMOVE -> "it applies to fields tagged FREE_TEXT";
        };
    }
}
