package org.communityschools.core.internal.read;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The Jakarta Validation constraints of the records of a read ({@code field.constraint}), checked by a host's
 * {@link Validator}, with a shortcut for the millions of rows of a large file: when every constraint of a record type
 * is on one of its components (no class-level constraint, nothing cascaded), the record is valid exactly when each
 * constrained component's value is, and the values repeat (a term, a course title, a mark, a first name). So the
 * values already found valid are remembered per component; a record all of whose constrained values are among them
 * is valid without validating it. Any other record is validated whole, as without the shortcut, so the violations
 * reported are always the validator's own. A value found valid stays valid while the clock moves on for every
 * constraint the model uses ({@code @Past}, sizes and bounds). Thread-safe: the workers of a parallel read share one.
 */
final class RecordConstraints {
    /** No validator: records are not validated. */
    static final RecordConstraints NONE = new RecordConstraints(null);

    private final @Nullable Validator validator;
    private final Map<Class<?>, Plan> plans = new ConcurrentHashMap<>();

    /** The constraints as {@code validator} checks them, or none when it is null. */
    RecordConstraints(@Nullable Validator validator) {
        this.validator = validator;
    }

    /** How a record type is checked: not at all, whole, or by its constrained components ({@code check}). */
    private record Plan(boolean constrained, @Nullable Predicate<Object> check, Component @Nullable [] components) {
        Plan(boolean constrained, @Nullable Predicate<Object> check) {
            this(constrained, check, null);
        }
    }

    /**
     * A constrained component: its accessor and the values found valid. Shared by the workers of a parallel read, which
     * only read it but for a value learnt ({@link #learn}); a worker that wants the last value it found known
     * remembers it itself (a field written by both workers on every row would pass its cache line back and forth between
     * the cores).
     */
    static final class Component {
        final String name;
        final MethodHandle accessor;
        final Set<Object> valid;

        Component(String name, MethodHandle accessor, Set<Object> valid) {
            this.name = name;
            this.accessor = accessor;
            this.valid = valid;
        }

        /**
         * Whether {@code value} is among the values found valid. False for a value not seen valid yet, which only the
         * validator can tell ({@link #learn}).
         */
        boolean known(Object value) {
            return valid.contains(value);
        }
    }

    /** What {@link #components} returns for a type without constraints (or when there is no validator). */
    static final Component[] UNCONSTRAINED = new Component[0];

    /**
     * How records of {@code type} are checked, for a reader that checks a row's values without building its record:
     * {@link #UNCONSTRAINED} when they need no check; their constrained components when a record is valid exactly when
     * each of those components' values is ({@link Component#known}: a value not known yet needs the record checked by
     * {@link #validate}, which learns it); null when every record must be validated whole.
     */
    Component @Nullable [] components(Class<?> type) {
        Validator v = validator;
        if (v == null) {
            return UNCONSTRAINED;
        }
        Plan plan = planOf(v, type);
        if (!plan.constrained()) {
            return UNCONSTRAINED;
        }
        return plan.components();
    }

    /** The violations of {@code record}'s constraints; empty when valid or when there is no validator. */
    <R> Set<ConstraintViolation<R>> validate(R record) {
        Validator v = validator;
        if (v == null) {
            return Set.of();
        }
        Plan plan = planOf(v, record.getClass());
        if (!plan.constrained() || (plan.check() != null && plan.check().test(record))) {
            return Set.of();
        }
        return v.validate(record);
    }

    /**
     * Whether records of {@code type} have constraints to check: false when there is no validator or the validator
     * knows none for the type, so that a reader may accept such a record's values without building the record
     * ({@link #validate} would find nothing).
     */
    boolean constrains(Class<?> type) {
        Validator v = validator;
        if (v == null) {
            return false;
        }
        Plan plan = planOf(v, type);
        return plan.constrained();
    }

    /** How records of {@code type} are checked by {@code v}, worked out on first use. */
    private Plan planOf(Validator v, Class<?> type) {
        Plan plan = plans.get(type);
        return plan != null ? plan : plans.computeIfAbsent(type, c -> plan(v, c));
    }

    /** {@link #learn} as a handle, for {@link KnownValid}, which calls it through a field (kept out of its inlining). */
    static final MethodHandle LEARN;

    static {
        try {
            LEARN = MethodHandles.lookup().findStatic(RecordConstraints.class, "learn", MethodType.methodType(
                    boolean.class, Validator.class, Class.class, Component.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Distinct valid values remembered per component; beyond, a record is validated whole. */
    private static final int VALUES_PER_COMPONENT = 1 << 16;

    /**
     * Whether {@code value} of component {@code c} of a {@code type} record is valid by the validator; a valid value
     * is remembered (up to 65,536 per component). One shared
     * method for every type's {@link KnownValid} copy, so that the validator's code is compiled here once rather than
     * inlined into each copy.
     */
    static boolean learn(Validator validator, Class<?> type, Component c, Object value) {
        if (!validator.validateValue(type, c.name, value).isEmpty()) {
            return false;
        }
        if (c.valid.size() < VALUES_PER_COMPONENT) {
            c.valid.add(value);
        }
        return true;
    }

    /** The component check of {@code type} once a record of it was validated, or null (for tests). */
    @Nullable Predicate<Object> checkOf(Class<?> type) {
        Plan plan = plans.get(type);
        return plan == null ? null : plan.check();
    }

    private static Plan plan(Validator v, Class<?> type) {
        BeanDescriptor bean = v.getConstraintsForClass(type);
        if (!bean.isBeanConstrained()) {
            return new Plan(false, null);
        }
        if (!type.isRecord() || !bean.getConstraintDescriptors().isEmpty()) {
            return new Plan(true, null);
        }
        List<Component> components = new ArrayList<>();
        for (PropertyDescriptor p : bean.getConstrainedProperties()) {
            MethodHandle accessor = accessor(type, p.getPropertyName());
            if (accessor == null || p.isCascaded() || cascades(p.getConstrainedContainerElementTypes())) {
                return new Plan(true, null);
            }
            components.add(new Component(p.getPropertyName(), accessor, ConcurrentHashMap.newKeySet()));
        }
        return new Plan(true, knownValid(v, type, List.copyOf(components)), components.toArray(new Component[0]));
    }

    /**
     * The {@link KnownValid} check of {@code type}, as its own hidden class (the template's bytes defined again), so
     * that it is compiled for this type's values alone; the template itself when its bytes cannot be read or defined.
     * Both do the same.
     */
    private static Predicate<Object> knownValid(Validator v, Class<?> type, List<Component> components) {
        try (InputStream in = KnownValid.class.getResourceAsStream("KnownValid.class")) {
            if (in != null) {
                Class<?> copy = MethodHandles.lookup().defineHiddenClass(in.readAllBytes(), false).lookupClass();
                MethodHandle make = MethodHandles.lookup().findConstructor(copy,
                        MethodType.methodType(void.class, Validator.class, Class.class, List.class));
                @SuppressWarnings("unchecked")
                Predicate<Object> check = (Predicate<Object>) make.invoke(v, type, components);
                return check;
            }
        } catch (Throwable e) {
            // falls back to the shared template below: the same check, compiled for every type at once
        }
        return new KnownValid(v, type, components);
    }

    private static boolean cascades(Set<ContainerElementTypeDescriptor> elements) {
        for (ContainerElementTypeDescriptor e : elements) {
            if (e.isCascaded() || cascades(e.getConstrainedContainerElementTypes())) {
                return true;
            }
        }
        return false;
    }

    /** The component's accessor as a handle of type {@code (Object) Object}, or null. */
    private static @Nullable MethodHandle accessor(Class<?> type, String name) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return MethodHandles.publicLookup().unreflect(c.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
