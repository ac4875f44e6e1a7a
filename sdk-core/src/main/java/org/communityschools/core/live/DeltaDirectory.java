package org.communityschools.core.live;

import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.internal.live.DeltaAgreements;
import org.communityschools.core.internal.read.DirectoryLoader;
import org.communityschools.core.internal.read.Violations;
import org.communityschools.core.model.EducationOrganizationId;
import org.communityschools.core.model.OrganizationId;
import org.communityschools.core.model.RelationshipType;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StaffRole;
import org.communityschools.core.model.StudentCharacteristicType;
import org.jspecify.annotations.Nullable;

/**
 * A delta directory: changes to a district's data as files of the district data directory with one more column,
 * {@code op}, whose value is {@code upsert} (the row is a record: added, or replacing the record with its key) or
 * {@code delete} (only the key columns of {@link RecordKey#columns(DataFile)} are read; the other cells may be empty).
 * Upsert rows pass the field rules of their file as the reader applies them (parsing, the records' own rules, Jakarta
 * Validation annotations); the cross-record rules are applied when the batch is applied. The batch holds the changes
 * file by file in the directory's file order and row by row, each located at its file and line. {@code agreements.json}
 * is the directory's array of agreement versions with one more key per object, {@code op} (an upsert object passes
 * every field rule of the directory's agreements with the standard data elements; a delete object needs only
 * {@code agreement_id} and {@code version}), each change located at the line its object starts. See
 * docs/data-directory.md, "Delta directories".
 * Stateless and thread-safe.
 */
public final class DeltaDirectory {
    private DeltaDirectory() {}

    /**
     * The changes in {@code dir}, read against {@code data} (which tells a school id from an organization id in
     * {@code staff_assignments.csv} and {@code interventions.csv}), with the default Jakarta Validation provider when
     * one is on the path.
     *
     * @param dir the delta directory
     * @param data the district data the changes apply to
     * @return the changes, each located at its file and line
     * @throws BatchRejectedException   with every violation when a row breaks a field rule, has no valid {@code op}, or
     *                                  a delete row's key is missing or malformed
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    public static ChangeBatch read(Path dir, DistrictData data) {
        return read(dir, data, defaultValidator());
    }

    /**
     * As {@link #read(Path, DistrictData)}, checking Jakarta Validation annotations with {@code validator} when not
     * null.
     *
     * @param dir the delta directory
     * @param data the district data the changes apply to
     * @param validator the validator, or null to check no annotation
     * @return the changes, each located at its file and line
     */
    public static ChangeBatch read(Path dir, DistrictData data, @Nullable Validator validator) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(data, "data");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        Violations violations = new Violations(10_000);
        List<Change> changes = new ArrayList<>();
        new DirectoryLoader(validator, violations).readDelta(dir, new DirectoryLoader.DeltaSink() {
            @Override
            public void upsert(DataFile file, Object record, long line) {
                changes.add(new Change.Upsert(record, RecordKey.of(record), new ChangeOrigin(file.fileName(), line)));
            }

            @Override
            public void delete(DataFile file, java.util.function.Function<String, String> cell, long line) {
                List<String> key = new ArrayList<>();
                for (String column : RecordKey.columns(file)) {
                    String text = cell.apply(column);
                    String value = text.isEmpty() ? null : normalized(column, text);
                    if (value == null) {
                        violations.error(file, line, 0, column, text.isEmpty() ? null : text,
                                text.isEmpty() ? "field.required" : "field.format", column + (text.isEmpty()
                                        ? " is a key column and must not be empty in a delete row" : " is not a valid value"));
                        return;
                    }
                    key.add(value);
                }
                changes.add(new Change.Delete(new RecordKey(file, key), new ChangeOrigin(file.fileName(), line)));
            }

            @Override
            public EducationOrganizationId resolve(String id) {
                return data.school(SchoolId.of(id)).isPresent() ? SchoolId.of(id) : OrganizationId.of(id);
            }
        });
        List<Violation> found = new ArrayList<>(violations.sorted());
        Path agreements = dir.resolve(DataFile.AGREEMENTS.fileName());
        if (Files.isRegularFile(agreements)) {
            DeltaAgreements.Read read = DeltaAgreements.read(agreements, org.communityschools.core.data.DataElements.standard());
            changes.addAll(read.changes());
            found.addAll(read.violations());
        }
        List<Violation> errors = found.stream().filter(v -> v.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new BatchRejectedException(errors);
        }
        return ChangeBatch.of(changes);
    }

    /** A key cell as the key of a record has it: dates ISO, school years as ending year, codes upper case; null when invalid. */
    private static @Nullable String normalized(String column, String text) {
        try {
            if (column.equals("date") || column.endsWith("_date")) {
                return Values.parseDate(text).toString();
            }
            return switch (column) {
                case "school_year" -> Integer.toString(Values.parseSchoolYear(text).endYear());
                case "version" -> Integer.toString(Integer.parseInt(text));
                case "characteristic" -> Values.parseEnum(StudentCharacteristicType.class, text).name();
                case "role" -> Values.parseEnum(StaffRole.class, text).name();
                case "relationship" -> Values.parseEnum(RelationshipType.class, text).name();
                default -> text;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Validator defaultValidator() {
        try {
            return Validation.buildDefaultValidatorFactory().getValidator();
        } catch (ValidationException e) {
            return null;
        }
    }
}
