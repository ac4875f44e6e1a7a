package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.communityschools.core.model.LegalBasis;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.StaffRole;
import org.communityschools.privacy.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a {@link Policy}: to requesters holding one of {@link #roles()} under {@link #relationship()} to the
 * student at the instant of the request, it grants ({@link Effect#PERMIT}) or denies ({@link Effect#FORBID}) the
 * {@link #fields()}, each a field path or a data category name of the policy's
 * {@link org.communityschools.privacy.FieldCatalog}. A permit rule names its legal basis (34 CFR 99.31) and the
 * purposes it serves; it may authorize the overlays that a general grant never covers (special education under IDEA,
 * 34 CFR 300.622; meal eligibility under the National School Lunch Act, 42 USC 1758(b)(6)) and mask some of the
 * fields it grants.
 *
 * <p>Shape rules, checked by the constructor (the catalog-dependent rules are checked by {@link Policy}):
 * <ul>
 *   <li>the id has 1–64 letters, digits, dots, hyphens or underscores, starting with a letter or digit;</li>
 *   <li>at least one role and at least one field;</li>
 *   <li>relationship types are given exactly for {@link Relationship#STUDENT_STAFF};</li>
 *   <li>a permit rule has a legal basis other than {@code EMERGENCY} (break-glass access is a workflow, not a standing
 *       rule), at least one purpose, and a relationship other than {@link Relationship#ANY};</li>
 *   <li>a forbid rule has no legal basis, authorizes nothing, masks nothing and has no history window; its purposes, if any, limit when it
 *       applies (none: always);</li>
 *   <li>only {@code SPECIAL_EDUCATION_IDEA} and {@code MEAL_ELIGIBILITY_NSLA} can be authorized, and only by a
 *       school-official, studies or audit/evaluation rule (consent is an explicit basis by itself).</li>
 * </ul>
 * Immutable and thread-safe; build one with {@link #permit(String)} or {@link #forbid(String)}.
 *
 * @param id                the rule's id, unique in its policy, cited by every decision it makes
 * @param effect            grant or deny
 * @param description       what the rule is for, for people; possibly empty
 * @param roles             the requester roles it applies to, in enum order
 * @param relationship      the relationship with the student it requires
 * @param relationshipTypes for {@link Relationship#STUDENT_STAFF}, the kinds of roster or caseload; otherwise empty
 * @param fields            field paths and data category names, in the order written
 * @param basis             the legal basis of a permit rule; empty for a forbid rule
 * @param purposes          the purposes it serves (permit) or applies to (forbid; empty means all), sorted by code
 * @param authorizes        the overlays it explicitly authorizes
 * @param masks             the masks of granted fields
 * @param rows              the row restrictions of granted fields (only the records that pass a {@link RowFilter})
 * @param history           how far back the records it grants reach ({@link HistoryWindow}); a forbid rule has the
 *                          default, {@link HistoryWindow#relationship()}, and forbids the whole field
 */
public record Rule(String id, Effect effect, String description, Set<StaffRole> roles, Relationship relationship,
                   Set<RelationshipType> relationshipTypes, List<String> fields, Optional<LegalBasis> basis,
                   Set<Purpose> purposes, Set<Sensitivity> authorizes, List<Mask> masks,
                   List<RowRestriction> rows, HistoryWindow history) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * Checks the shape rules listed in the class comment.
     *
     * @param id the rule's id, unique in its policy, cited by every decision it makes
     * @param effect grant or deny
     * @param description what the rule is for, for people; possibly empty
     * @param roles the requester roles it applies to, in enum order
     * @param relationship the relationship with the student it requires
     * @param relationshipTypes for {@link Relationship#STUDENT_STAFF}, the kinds of roster or caseload; otherwise empty
     * @param fields field paths and data category names, in the order written
     * @param basis the legal basis of a permit rule; empty for a forbid rule
     * @param purposes the purposes it serves (permit) or applies to (forbid; empty means all), sorted by code
     * @param authorizes the overlays it explicitly authorizes
     * @param masks the masks of granted fields
     * @param rows the row restrictions of granted fields (only the records that pass a {@link RowFilter})
     * @param history how far back the records it grants reach ({@link HistoryWindow}); a forbid rule has the default,
     *     {@link HistoryWindow#relationship()}, and forbids the whole field
     */
    public Rule {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a rule id has 1-64 letters, digits, '.', '-' or '_', starting with a letter "
                    + "or digit; was '" + id + "'");
        }
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(description, "description");
        roles = enums(roles, StaffRole.class, "roles");
        Objects.requireNonNull(relationship, "relationship");
        relationshipTypes = enums(relationshipTypes, RelationshipType.class, "relationshipTypes");
        fields = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(fields, "fields")));
        Objects.requireNonNull(basis, "basis");
        purposes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(purposes, "purposes")));
        authorizes = enums(authorizes, Sensitivity.class, "authorizes");
        masks = List.copyOf(Objects.requireNonNull(masks, "masks"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
        Objects.requireNonNull(history, "history");
        String where = "rule '" + id + "': ";
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(where + "a rule applies to at least one role");
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(where + "a rule names at least one field or category");
        }
        if ((relationship == Relationship.STUDENT_STAFF) == relationshipTypes.isEmpty()) {
            throw new IllegalArgumentException(where + "relationship types are given exactly for relationship STUDENT_STAFF; "
                    + "relationship " + relationship + ", types " + relationshipTypes);
        }
        if (effect == Effect.PERMIT) {
            if (basis.isEmpty()) {
                throw new IllegalArgumentException(where + "a permit rule names its legal basis (34 CFR 99.31)");
            }
            if (basis.get() == LegalBasis.EMERGENCY) {
                throw new IllegalArgumentException(where + "legal basis EMERGENCY is break-glass access with a described "
                        + "threat (34 CFR 99.36), not a standing rule");
            }
            if (purposes.isEmpty()) {
                throw new IllegalArgumentException(where + "a permit rule names the purposes it serves");
            }
            if (relationship == Relationship.ANY) {
                throw new IllegalArgumentException(where + "relationship ANY is only for forbid rules: a grant needs a "
                        + "relationship with the student (34 CFR 99.31(a)(1)(ii), reasonable methods)");
            }
        } else {
            if (basis.isPresent()) {
                throw new IllegalArgumentException(where + "a forbid rule has no legal basis, was " + basis.get());
            }
            if (!authorizes.isEmpty() || !masks.isEmpty() || !rows.isEmpty()) {
                throw new IllegalArgumentException(where + "a forbid rule authorizes nothing, masks nothing and "
                        + "restricts no rows");
            }
            if (!history.equals(HistoryWindow.relationship())) {
                throw new IllegalArgumentException(where + "a forbid rule forbids the whole field: it has no history "
                        + "window, was " + history.describe());
            }
        }
        for (Sensitivity s : authorizes) {
            if (s != Sensitivity.SPECIAL_EDUCATION_IDEA && s != Sensitivity.MEAL_ELIGIBILITY_NSLA) {
                throw new IllegalArgumentException(where + "only SPECIAL_EDUCATION_IDEA and MEAL_ELIGIBILITY_NSLA can be "
                        + "authorized, was " + s);
            }
        }
        if (!authorizes.isEmpty() && basis.filter(b -> b == LegalBasis.SCHOOL_OFFICIAL || b == LegalBasis.STUDIES
                || b == LegalBasis.AUDIT_EVALUATION).isEmpty()) {
            throw new IllegalArgumentException(where + "overlays are authorized only by school-official, studies or "
                    + "audit/evaluation rules; basis was " + basis.map(Enum::name).orElse("none"));
        }
    }

    /**
     * A rule whose history window is the default, {@link HistoryWindow#relationship()}.
     *
     * @param id the rule's id, unique in its policy, cited by every decision it makes
     * @param effect grant or deny
     * @param description what the rule is for, for people; possibly empty
     * @param roles the requester roles it applies to, in enum order
     * @param relationship the relationship with the student it requires
     * @param relationshipTypes for {@link Relationship#STUDENT_STAFF}, the kinds of roster or caseload; otherwise
     *     empty
     * @param fields field paths and data category names, in the order written
     * @param basis the legal basis of a permit rule; empty for a forbid rule
     * @param purposes the purposes it serves (permit) or applies to (forbid; empty means all), sorted by code
     * @param authorizes the overlays it explicitly authorizes
     * @param masks the masks of granted fields
     * @param rows the row restrictions of granted fields (only the records that pass a {@link RowFilter})
     */
    public Rule(String id, Effect effect, String description, Set<StaffRole> roles, Relationship relationship,
                Set<RelationshipType> relationshipTypes, List<String> fields, Optional<LegalBasis> basis,
                Set<Purpose> purposes, Set<Sensitivity> authorizes, List<Mask> masks, List<RowRestriction> rows) {
        this(id, effect, description, roles, relationship, relationshipTypes, fields, basis, purposes, authorizes, masks,
                rows, HistoryWindow.relationship());
    }

    /**
     * A rule without row restrictions (the shape before row restrictions existed).
     *
     * @param id the rule's id, unique in its policy, cited by every decision it makes
     * @param effect grant or deny
     * @param description what the rule is for, for people; possibly empty
     * @param roles the requester roles it applies to, in enum order
     * @param relationship the relationship with the student it requires
     * @param relationshipTypes for {@link Relationship#STUDENT_STAFF}, the kinds of roster or caseload; otherwise
     *     empty
     * @param fields field paths and data category names, in the order written
     * @param basis the legal basis of a permit rule; empty for a forbid rule
     * @param purposes the purposes it serves (permit) or applies to (forbid; empty means all), sorted by code
     * @param authorizes the overlays it explicitly authorizes
     * @param masks the masks of granted fields
     */
    public Rule(String id, Effect effect, String description, Set<StaffRole> roles, Relationship relationship,
                Set<RelationshipType> relationshipTypes, List<String> fields, Optional<LegalBasis> basis,
                Set<Purpose> purposes, Set<Sensitivity> authorizes, List<Mask> masks) {
        this(id, effect, description, roles, relationship, relationshipTypes, fields, basis, purposes, authorizes, masks,
                List.of());
    }

    private static <E extends Enum<E>> Set<E> enums(Set<E> values, Class<E> type, String name) {
        Objects.requireNonNull(values, name);
        return values.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(values));
    }

    /**
     * {@return whether the rule applies to requests made for {@code purpose}}
     *
     * @param purpose the purpose of a request
     */
    public boolean appliesTo(Purpose purpose) {
        return purposes.contains(purpose) || effect == Effect.FORBID && purposes.isEmpty();
    }

    /**
     * {@return a builder of a permit rule with this id}
     *
     * @param id a builder of a permit rule with this id
     */
    public static Builder permit(String id) {
        return new Builder(id, Effect.PERMIT);
    }

    /**
     * {@return a builder of a forbid rule with this id}
     *
     * @param id a builder of a forbid rule with this id
     */
    public static Builder forbid(String id) {
        return new Builder(id, Effect.FORBID);
    }

    /**
     * Builds a {@link Rule}. Each setting is set once (a second call throws {@link IllegalStateException});
     * {@link #build()} checks the combination. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final Effect effect;
        private @Nullable String description;
        private @Nullable Set<StaffRole> roles;
        private @Nullable Relationship relationship;
        private @Nullable Set<RelationshipType> types;
        private @Nullable List<String> fields;
        private @Nullable LegalBasis basis;
        private @Nullable Set<Purpose> purposes;
        private @Nullable Set<Sensitivity> authorizes;
        private final List<Mask> masks = new ArrayList<>();
        private final List<RowRestriction> rows = new ArrayList<>();
        private @Nullable HistoryWindow history;

        private Builder(String id, Effect effect) {
            this.id = Objects.requireNonNull(id, "id");
            this.effect = effect;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * What the rule is for.
         *
         * @param description what the rule is for, in words
         * @return this builder
         */
        public Builder description(String description) {
            once(this.description, "description");
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * The roles it applies to.
         *
         * @param roles the roles it applies to
         * @return this builder
         */
        public Builder roles(StaffRole... roles) {
            once(this.roles, "roles");
            this.roles = Set.of(roles);
            return this;
        }

        /**
         * The relationship it requires.
         *
         * @param relationship the relationship it requires
         * @return this builder
         */
        public Builder relationship(Relationship relationship) {
            once(this.relationship, "relationship");
            this.relationship = Objects.requireNonNull(relationship, "relationship");
            return this;
        }

        /**
         * Relationship {@link Relationship#STUDENT_STAFF} with these roster or caseload kinds.
         *
         * @param types the roster or caseload kinds
         * @return this builder
         */
        public Builder studentStaff(RelationshipType... types) {
            relationship(Relationship.STUDENT_STAFF);
            once(this.types, "relationshipTypes");
            this.types = Set.of(types);
            return this;
        }

        /**
         * {@return the field paths and category names}
         *
         * @param fields the field paths and category names
         */
        public Builder fields(String... fields) {
            return fields(List.of(fields));
        }

        /**
         * The field paths and category names.
         *
         * @param fields the field paths and category names
         * @return this builder
         */
        public Builder fields(Collection<String> fields) {
            once(this.fields, "fields");
            this.fields = List.copyOf(fields);
            return this;
        }

        /**
         * The legal basis of a permit rule.
         *
         * @param basis the legal basis of a permit rule
         * @return this builder
         */
        public Builder basis(LegalBasis basis) {
            once(this.basis, "basis");
            this.basis = Objects.requireNonNull(basis, "basis");
            return this;
        }

        /**
         * The purposes, as codes.
         *
         * @param codes the purposes, as codes
         * @return this builder
         */
        public Builder purposes(String... codes) {
            once(this.purposes, "purposes");
            Set<Purpose> set = new LinkedHashSet<>();
            for (String c : codes) {
                set.add(Purpose.of(c));
            }
            this.purposes = set;
            return this;
        }

        /**
         * The overlays it explicitly authorizes.
         *
         * @param overlays the overlays it explicitly authorizes
         * @return this builder
         */
        public Builder authorizes(Sensitivity... overlays) {
            once(this.authorizes, "authorizes");
            this.authorizes = Set.of(overlays);
            return this;
        }

        /**
         * Masks a granted field (may be called for several fields).
         *
         * @param field the path of a granted field
         * @param transform the mask
         * @return this builder
         */
        public Builder mask(String field, MaskTransform transform) {
            masks.add(new Mask(org.communityschools.privacy.FieldPath.of(field), transform));
            return this;
        }

        /**
         * How far back the granted records reach; {@link HistoryWindow#relationship()} unless set.
         *
         * @param history the history window
         * @return this builder
         */
        public Builder history(HistoryWindow history) {
            once(this.history, "history");
            this.history = Objects.requireNonNull(history, "history");
            return this;
        }

        /**
         * Shows only the rows of a granted field that pass {@code filter} (may be called for several fields).
         *
         * @param field the path of a granted field
         * @param filter the rows shown
         * @return this builder
         */
        public Builder rows(String field, RowFilter filter) {
            rows.add(new RowRestriction(org.communityschools.privacy.FieldPath.of(field), filter));
            return this;
        }

        /**
         * The rule.
         *
         * @return the rule
         * @throws IllegalStateException    when the roles, relationship or fields are not set
         * @throws IllegalArgumentException when the combination breaks a shape rule of {@link Rule}
         */
        public Rule build() {
            if (roles == null || relationship == null || fields == null) {
                throw new IllegalStateException("rule '" + id + "' needs roles, relationship and fields");
            }
            return new Rule(id, effect, description == null ? "" : description, roles, relationship,
                    types == null ? Set.of() : types, fields, Optional.ofNullable(basis),
                    purposes == null ? Set.of() : purposes, authorizes == null ? Set.of() : authorizes, masks, rows,
                    history == null ? HistoryWindow.relationship() : history);
        }
    }
}
