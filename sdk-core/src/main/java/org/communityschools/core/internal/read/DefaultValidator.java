package org.communityschools.core.internal.read;

import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

/**
 * The validator of the Jakarta Validation provider on the class or module path, discovered once, for the reader and the
 * builder of district data; when none can start, a message that says why and how to fix it.
 */
public final class DefaultValidator {
    private static @Nullable Validator instance;
    private static @Nullable String failure;

    private DefaultValidator() {}

    /**
     * The default provider's validator.
     *
     * @param user the class that checks annotations, named in the message of a failure
     * @return the validator
     * @throws IllegalStateException when no provider was found, or the one found cannot start
     */
    public static synchronized Validator get(String user) {
        if (instance == null && failure == null) {
            try {
                instance = Validation.buildDefaultValidatorFactory().getValidator();
            } catch (ValidationException e) {
                failure = explain(e);
            }
        }
        if (instance == null) {
            throw new IllegalStateException(user + failure);
        }
        return instance;
    }

    /** What went wrong and how to fix it: a missing provider, or a provider that needs Jakarta EL. */
    private static String explain(ValidationException e) {
        StringBuilder causes = new StringBuilder();
        boolean needsEl = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            causes.append(causes.length() == 0 ? "" : "; ").append(m);
            needsEl |= m.contains("jakarta.el") || m.contains("jakarta/el") || m.contains("HV000183");
        }
        if (needsEl) {
            return " checks Jakarta Validation annotations, and the provider found cannot start: "
                    + "its message interpolation needs Jakarta Expression Language. Add "
                    + "org.glassfish.expressly:expressly to the dependencies and, on the module path, resolve the EL "
                    + "modules with --add-modules jakarta.el,org.glassfish.expressly (Hibernate Validator requires "
                    + "them only statically); or pass validator(...) built with a message interpolator that needs no "
                    + "EL (Hibernate Validator's ParameterMessageInterpolator); or call withoutBeanValidation(). "
                    + "See docs/embedding.md, \"The module path\". Cause: " + causes;
        }
        return " checks Jakarta Validation annotations, but no provider was found: add one such "
                + "as Hibernate Validator (org.hibernate.validator:hibernate-validator with "
                + "org.glassfish.expressly:expressly) to the class or module path, pass one with validator(...), or "
                + "call withoutBeanValidation(). Cause: " + causes;
    }
}
