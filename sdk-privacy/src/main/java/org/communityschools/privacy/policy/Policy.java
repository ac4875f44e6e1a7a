package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.communityschools.privacy.FieldCatalog;
import org.communityschools.privacy.FieldPath;
import org.jspecify.annotations.Nullable;

/**
 * A declarative access policy: which roles see which fields of which students, under which legal basis and for which
 * purposes (FERPA 34 CFR 99.31(a)(1)(ii): "reasonable methods" so each school official sees only the records in which
 * they have a legitimate educational interest). A policy has an id and a version (every decision cites both), the
 * {@link FieldCatalog} its rules speak of, the purposes it declares, the fields the district designates as directory
 * information (34 CFR 99.37), and its {@link Rule}s. Semantics (see {@link PolicyEngine}): default deny, forbid
 * overrides permit, any error denies.
 *
 * <p>A policy is validated when it is built or loaded ({@link Policies}); it is refused with a
 * {@link PolicyValidationException} listing every problem with its location when
 * <ul>
 *   <li>the id is malformed, the version below 1, or no purpose is declared;</li>
 *   <li>a rule id is used twice;</li>
 *   <li>a rule names a field path or category the catalog does not know, or a purpose the policy does not declare;</li>
 *   <li>a directory field is unknown or not eligible as directory information, or a {@code DIRECTORY} rule grants a
 *       field that is not a declared directory field;</li>
 *   <li>a mask names a field its rule does not grant, or a transform that does not apply to the field;</li>
 *   <li>a row restriction names a field its rule does not grant, or a field its {@link RowFilter} does not apply to
 *       (today {@code DELIVERED_BY_REQUESTER} applies only to {@code interventions.participation});</li>
 *   <li>the emergency section names a field path or category the catalog does not know, or meal eligibility (no
 *       emergency exception under 42 USC 1758(b)(6));</li>
 *   <li>a permit rule is <b>unreachable</b>: every field it grants needs an overlay (IDEA, NSLA) it does not authorize,
 *       or is forbidden by a forbid rule that applies whenever the permit does;</li>
 *   <li>a permit and a forbid rule <b>contradict</b>: the forbid applies whenever the permit does and denies some, not
 *       all, of the permit's fields (remove them from the permit to say what you mean).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Policy {
    private final String id;
    private final int version;
    private final String description;
    private final FieldCatalog catalog;
    private final SortedMap<Purpose, String> purposes;
    private final SortedSet<FieldPath> directoryFields;
    private final List<Rule> rules;
    private final Optional<EmergencyAccess> emergency;

    Policy(String id, int version, String description, FieldCatalog catalog, SortedMap<Purpose, String> purposes,
           SortedSet<FieldPath> directoryFields, List<Rule> rules, Optional<EmergencyAccess> emergency) {
        this.emergency = emergency;
        this.id = id;
        this.version = version;
        this.description = description;
        this.catalog = catalog;
        this.purposes = Collections.unmodifiableSortedMap(new TreeMap<>(purposes));
        this.directoryFields = Collections.unmodifiableSortedSet(new TreeSet<>(directoryFields));
        this.rules = List.copyOf(rules);
    }

    /**
     * {@return a builder of a policy over the {@link FieldCatalog#defaultCatalog() default catalog} unless set
     * otherwise}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the policy's id, such as {@code community-schools-default}} */
    public String id() {
        return id;
    }

    /**
     * {@return the policy's version, 1 or more; a changed policy gets a new version so cached decisions are not reused}
     */
    public int version() {
        return version;
    }

    /** {@return what the policy is for; possibly empty} */
    public String description() {
        return description;
    }

    /** {@return the catalog its rules speak of} */
    public FieldCatalog catalog() {
        return catalog;
    }

    /** {@return the declared purposes with their descriptions, by code} */
    public SortedMap<Purpose, String> purposes() {
        return purposes;
    }

    /** {@return the fields the district designates as directory information (34 CFR 99.37), by path} */
    public SortedSet<FieldPath> directoryFields() {
        return directoryFields;
    }

    /** {@return the rules, in the order written} */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Who may break glass in a health or safety emergency and what they may see (34 CFR 99.36), as the policy's
     * {@code emergency} section says; when empty, the engine uses {@link EmergencyAccess#defaults()}. See
     * {@link PolicyEngine#breakGlass}.
     *
     * @return the emergency section, if the policy has one
     */
    public Optional<EmergencyAccess> emergency() {
        return emergency;
    }

    /**
     * {@return the rule with this id}
     *
     * @param ruleId a rule id
     */
    public Optional<Rule> rule(String ruleId) {
        Objects.requireNonNull(ruleId, "ruleId");
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    @Override
    public String toString() {
        return "Policy[" + id + " v" + version + ", " + rules.size() + " rules]";
    }

    /**
     * Builds a {@link Policy}. Scalar settings are set once (a second call throws {@link IllegalStateException});
     * purposes, directory fields and rules accumulate. {@link #build()} validates the whole policy. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String id;
        private @Nullable Integer version;
        private @Nullable String description;
        private @Nullable FieldCatalog catalog;
        private final SortedMap<Purpose, String> purposes = new TreeMap<>();
        private final List<String> directoryFields = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private @Nullable EmergencyAccess emergency;

        private Builder() {}

        /**
         * Who may break glass and what they may see; {@link EmergencyAccess#defaults()} applies unless set.
         *
         * @param emergency the emergency section
         * @return this builder
         */
        public Builder emergency(EmergencyAccess emergency) {
            once(this.emergency, "emergency");
            this.emergency = Objects.requireNonNull(emergency, "emergency");
            return this;
        }

        private static void once(@Nullable Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " was already set");
            }
        }

        /**
         * The policy's id.
         *
         * @param id the policy's id
         * @return this builder
         */
        public Builder id(String id) {
            once(this.id, "id");
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The policy's version, 1 or more.
         *
         * @param version the policy's version, 1 or more
         * @return this builder
         */
        public Builder version(int version) {
            once(this.version, "version");
            this.version = version;
            return this;
        }

        /**
         * What the policy is for.
         *
         * @param description what the policy is for, in words
         * @return this builder
         */
        public Builder description(String description) {
            once(this.description, "description");
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * The catalog its rules speak of; the default catalog unless set.
         *
         * @param catalog the catalog its rules speak of
         * @return this builder
         */
        public Builder catalog(FieldCatalog catalog) {
            once(this.catalog, "catalog");
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Declares a purpose.
         *
         * @param code the purpose's code, such as {@code student-support}
         * @param description what it is for, in words
         * @return this builder
         */
        public Builder purpose(String code, String description) {
            Purpose p = Purpose.of(code);
            if (purposes.putIfAbsent(p, Objects.requireNonNull(description, "description")) != null) {
                throw new IllegalArgumentException("purpose codes must be unique; duplicate: " + code);
            }
            return this;
        }

        /**
         * Declares fields as directory information.
         *
         * @param paths the field paths that are directory information
         * @return this builder
         */
        public Builder directoryFields(String... paths) {
            directoryFields.addAll(List.of(paths));
            return this;
        }

        /**
         * Adds a rule, after those already added.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * The validated policy.
         *
         * @return the policy
         * @throws IllegalStateException      when the id or version is not set
         * @throws PolicyValidationException  listing every problem (see {@link Policy}), located as
         *                                    {@code rules[3] 'teacher-roster' fields[0]}
         */
        public Policy build() {
            if (id == null || version == null) {
                throw new IllegalStateException("a policy needs an id and a version");
            }
            return PolicyChecker.check(id, version, description == null ? "" : description,
                    catalog == null ? FieldCatalog.defaultCatalog() : catalog, purposes, directoryFields, rules,
                    Optional.ofNullable(emergency), Locator.forJava(rules));
        }
    }
}
