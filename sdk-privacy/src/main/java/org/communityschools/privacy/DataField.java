package org.communityschools.privacy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.communityschools.core.model.DataCategory;

/**
 * One field of a student record view in a {@link FieldCatalog}: its stable path, the one {@link DataCategory} it
 * belongs to (which agreements and consents name), its sensitivity tags, and where its values come from in the
 * district data directory. A field carries no value: it is the unit that policies grant and redaction removes.
 * Immutable and thread-safe.
 *
 * @param path          the stable path, such as {@code attendance.records.reason}
 * @param category      the one data category the field belongs to
 * @param sensitivities the overlays on top of FERPA, possibly none
 * @param description   what the field holds, for people reading agreements
 * @param source        the file and columns of the district data directory the values come from, such as
 *                      {@code attendance.csv: reason}; empty for a field the directory does not carry yet
 */
public record DataField(FieldPath path, DataCategory category, Set<Sensitivity> sensitivities, String description,
                        Optional<String> source) {
    /**
     * Checks that nothing is missing and copies the tags.
     *
     * @param path the stable path, such as {@code attendance.records.reason}
     * @param category the one data category the field belongs to
     * @param sensitivities the overlays on top of FERPA, possibly none
     * @param description what the field holds, for people reading agreements
     * @param source the file and columns of the district data directory the values come from, such as {@code
     *     attendance.csv: reason}; empty for a field the directory does not carry yet
     */
    public DataField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sensitivities, "sensitivities");
        sensitivities = sensitivities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sensitivities));
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("description of " + path + " must not be blank");
        }
        Objects.requireNonNull(source, "source");
    }

    /**
     * {@return whether the field carries {@code tag}}
     *
     * @param tag a sensitivity tag
     */
    public boolean has(Sensitivity tag) {
        return sensitivities.contains(tag);
    }
}
