package org.communityschools.privacy.policy;

import java.util.Objects;
import org.communityschools.privacy.FieldPath;

/**
 * A masking instruction of a {@link Rule}: when the rule grants {@code field}, the field is shown through
 * {@code transform}. Immutable and thread-safe.
 *
 * @param field     the masked field, which the rule must grant
 * @param transform how it is masked
 */
public record Mask(FieldPath field, MaskTransform transform) {
    /**
     * Checks that nothing is missing.
     *
     * @param field the masked field, which the rule must grant
     * @param transform how it is masked
     */
    public Mask {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(transform, "transform");
    }
}
