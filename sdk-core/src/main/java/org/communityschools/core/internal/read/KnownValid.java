package org.communityschools.core.internal.read;

import jakarta.validation.Validator;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a record of one type is valid by its constrained components' values alone ({@link RecordConstraints}): each
 * value is among its component's valid values, or found valid now by the
 * validator ({@link RecordConstraints#learn}, shared by every type: the slow path, kept out of each copy's compiled
 * code). Also the template of each record type's own copy: {@link RecordConstraints} defines these bytes again as
 * a hidden class per record type, so that the JIT compiles each type's check with that type's values (strings,
 * decimals, dates) instead of recompiling one shared check each time a file brings new types. Written without lambdas
 * or nested classes, so that the bytes stand alone.
 */
final class KnownValid implements Predicate<Object> {
    private final Validator validator;
    private final Class<?> type;
    private final RecordConstraints.Component[] components;
    /**
     * {@link RecordConstraints#learn}, called through a handle read from this object: not a constant to the JIT
     * compiler, which therefore cannot inline the validator's code into this check's compiled code (the first copy's
     * was 50-63 kB with it, a second or two of C2 time on NYC); it runs only for a value not seen before.
     */
    private final MethodHandle learnHandle;

    /** The check of records of {@code type} whose constrained components are {@code components}. */
    KnownValid(Validator validator, Class<?> type, List<RecordConstraints.Component> components) {
        this.validator = validator;
        this.type = type;
        this.components = components.toArray(new RecordConstraints.Component[0]);
        this.learnHandle = RecordConstraints.LEARN;
    }

    /** Whether every constrained component of {@code record} holds a valid value (false: validate it whole). */
    @Override
    public boolean test(Object record) {
        for (RecordConstraints.Component c : components) {
            Object value;
            try {
                value = c.accessor.invoke(record);
            } catch (Throwable e) {
                return false;
            }
            if (value == null) {
                return false;
            }
            if (c.known(value)) {
                continue;
            }
            if (!learn(c, value)) {
                return false;
            }
        }
        return true;
    }

    /** {@link RecordConstraints#learn} of {@code value}, through the handle; its exceptions as they are. */
    private boolean learn(RecordConstraints.Component c, Object value) {
        try {
            return (boolean) learnHandle.invokeExact(validator, type, c, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
