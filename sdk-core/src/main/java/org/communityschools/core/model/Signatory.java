package org.communityschools.core.model;

import jakarta.validation.constraints.Size;
import org.communityschools.core.internal.Checks;

/**
 * A person who signed a data-sharing agreement. Immutable and thread-safe.
 *
 * @param name  the signer's name
 * @param title the signer's title, such as "Chief Privacy Officer"
 */
public record Signatory(@Size(max = 200) String name, @Size(max = 200) String title) {
    /**
     * Checks that nothing is missing.
     *
     * @param name the signer's name
     * @param title the signer's title, such as "Chief Privacy Officer"
     */
    public Signatory {
        Checks.text(name, "name");
        Checks.text(title, "title");
    }

    /** {@code Signatory[]}: a signer is known by name only, and names are personal data. */
    @Override
    public String toString() {
        return "Signatory[]";
    }
}
