package org.communityschools.core.internal.read;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.index.IdTable;
import org.jspecify.annotations.Nullable;

/**
 * The reference and uniqueness rules of the {@link Assembler}, and its one way to report a broken rule: an id must
 * name an accepted row of the file it refers to ({@code reference.unknown-<kind>}), or is reported as referring to a
 * rejected row or file ({@code reference.rejected}); an id must be unique in its file ({@code unique.id}). Not
 * thread-safe.
 */
final class References {
    private final Violations violations;
    private final Map<DataFile, Set<String>> rejectedIds = new HashMap<>();
    private final Set<DataFile> rejectedFiles = EnumSet.noneOf(DataFile.class);

    References(Violations violations) {
        this.violations = violations;
    }

    /** Reports the error at {@code where}'s line and the column's position; returns false. */
    boolean error(DataFile file, Where where, String column, @Nullable String value, String rule, String message) {
        violations.error(file, where.line(), where.column(column), column, value, rule, message);
        return false;
    }

    /** Notes that the row with this id in {@code file} was rejected. */
    void rejected(DataFile file, String id) {
        rejectedIds.computeIfAbsent(file, f -> new HashSet<>()).add(id);
    }

    /** Notes that no row of {@code file} was read. */
    void rejectedFile(DataFile file) {
        rejectedFiles.add(file);
    }

    /**
     * Checks that {@code id} names a row of {@code target}; reports {@code reference.unknown-<kind>} or
     * {@code reference.rejected} otherwise.
     */
    boolean exists(IdTable<?, ?> table, DataFile target, String kind, String id, DataFile file, Where where,
                   String column) {
        if (table.contains(id)) {
            return true;
        }
        if (rejectedFiles.contains(target)) {
            return error(file, where, column, id, "reference.rejected",
                    column + " refers to " + kind + " '" + id + "', but " + target.fileName() + " was rejected as a whole");
        }
        Set<String> rejected = rejectedIds.get(target);
        if (rejected != null && rejected.contains(id)) {
            return error(file, where, column, id, "reference.rejected",
                    column + " refers to " + kind + " '" + id + "', whose row in " + target.fileName() + " was rejected");
        }
        return error(file, where, column, id, "reference.unknown-" + kind,
                column + " must name a " + kind + " of " + target.fileName() + "; '" + id + "' is not there");
    }

    /** Like {@link #exists} for an id that must name a school or an organization. */
    boolean educationOrganizationExists(IdTable<?, ?> schools, IdTable<?, ?> organizations, String id, DataFile file,
                                        Where where, String column) {
        if (schools.contains(id) || organizations.contains(id)) {
            return true;
        }
        Set<String> rs = rejectedIds.getOrDefault(DataFile.SCHOOLS, Set.of());
        Set<String> ro = rejectedIds.getOrDefault(DataFile.ORGANIZATIONS, Set.of());
        if (rs.contains(id) || ro.contains(id)) {
            return error(file, where, column, id, "reference.rejected",
                    column + " refers to '" + id + "', whose row in schools.csv or organizations.csv was rejected");
        }
        return error(file, where, column, id, "reference.unknown-education-organization",
                column + " must name a school of schools.csv or an organization of organizations.csv; '" + id + "' is in neither");
    }

    /** Reports {@code unique.id} when {@code table} already has {@code id}. */
    boolean unique(IdTable<?, ?> table, String id, DataFile file, Where where, String column) {
        return !table.contains(id) || duplicate(id, file, where, column);
    }

    /** Reports {@code unique.id} for {@code id}, which an earlier row of {@code file} has; returns false. */
    boolean duplicate(String id, DataFile file, Where where, String column) {
        return error(file, where, column, id, "unique.id", column + " must be unique within " + file.fileName()
                + "; '" + id + "' appears on an earlier row");
    }
}
