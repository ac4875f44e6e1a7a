package org.communityschools.core.internal.read;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.communityschools.core.data.DataElements;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.RecordViolation;
import org.communityschools.core.data.Violation;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.live.RecordKey;
import org.communityschools.core.model.DataSharingAgreement;
import org.jspecify.annotations.Nullable;

/**
 * Checks records added in code ({@code DistrictData.builder()}) with the rules the reader applies to the rows of a
 * district data directory, in the reader's order: per record, its Jakarta Validation constraints
 * ({@code field.constraint}, as {@link Cells} does for a row); then the cross-record rules of the {@link Assembler},
 * file by file in {@link DataFile} order, a record that breaks a rule being rejected so that the records referring to
 * it are reported with {@code reference.rejected}, as in the reader. Each violation is then located by record (its
 * type, its position among the records of that type, its identifiers and the component) instead of by file and line.
 * One instance per build; not thread-safe.
 */
public final class RecordChecks {
    /** The limit of violations kept, as the reader's default. */
    private static final int LIMIT = 10_000;

    private final @Nullable Validator validator;
    private final Violations violations = new Violations(LIMIT);
    private final Assembler assembler = new Assembler(violations, DataElements.standard());
    /** The records in the order checked; a record's "line" is its index + 1. */
    private final List<Object> checked = new ArrayList<>();
    /** The 1-based position of each checked record among the records of its type. */
    private final List<Integer> positions = new ArrayList<>();

    private RecordChecks(@Nullable Validator validator) {
        this.validator = validator;
    }

    /**
     * Checks the records and builds the index of the accepted ones.
     *
     * @param records the records of each file, in the order they were added
     * @param validator the Jakarta Validation validator, or null to check no annotation
     * @return the index
     * @throws DataValidationException with every violation, located by record, when any rule is broken
     */
    public static DistrictIndex check(Map<DataFile, List<Object>> records, @Nullable Validator validator) {
        return new RecordChecks(validator).run(records);
    }

    private DistrictIndex run(Map<DataFile, List<Object>> records) {
        for (DataFile f : DataFile.values()) {
            int position = 0;
            for (Object r : records.getOrDefault(f, List.of())) {
                checked.add(r);
                positions.add(++position);
                long line = checked.size();
                boolean accepted = constraintsHold(f, r, line) && assembler.addAny(r, Where.at(line));
                if (!accepted) {
                    rejected(f, r);
                }
            }
            assembler.endOfFile(f);
        }
        DistrictIndex index = assembler.finish();
        if (violations.errorCount() > 0) {
            List<RecordViolation> located = new ArrayList<>();
            for (Violation v : violations.sorted()) {
                located.add(locate(v));
            }
            throw DataValidationException.inRecords(located, violations.errorCount());
        }
        return index;
    }

    /** Notes a rejected record as the reader does a rejected row, so that references to it say so. */
    private void rejected(DataFile f, Object r) {
        if (r instanceof DataSharingAgreement a) {
            assembler.rejectedAgreement(a.id().value());
        } else if (DirectoryLoader.ID_COLUMNS.containsKey(f)) {
            assembler.rejected(f, RecordKey.of(r).values().get(0));
        }
    }

    /** The record's Jakarta Validation constraints, each broken one reported as {@code field.constraint}. */
    private boolean constraintsHold(DataFile f, Object r, long line) {
        if (validator == null || !DirectoryLoader.CONSTRAINED.computeIfAbsent(r.getClass(),
                c -> validator.getConstraintsForClass(c).isBeanConstrained())) {
            return true;
        }
        boolean ok = true;
        for (ConstraintViolation<Object> v : validator.validate(r)) {
            String component = firstNode(v.getPropertyPath());
            String column = component == null ? null : columnOf(f, component);
            // the value of a component of the record (redacted later when personal); never one of a nested record,
            // such as a signatory's name, which no column of the file describes
            Object invalid = v.getLeafBean() == r && column != null ? v.getInvalidValue() : null;
            String value = invalid instanceof Optional<?> o ? o.map(String::valueOf).orElse(null)
                    : invalid == null ? null : String.valueOf(invalid);
            violations.error(f, line, 0, column == null ? v.getPropertyPath().toString() : column, value,
                    "field.constraint", (component == null ? v.getPropertyPath().toString() : component) + " " + v.getMessage());
            ok = false;
        }
        return ok;
    }

    private static @Nullable String firstNode(Path path) {
        Iterator<Path.Node> nodes = path.iterator();
        return nodes.hasNext() ? nodes.next().getName() : null;
    }

    /**
     * The column of {@code file} a record component maps to: camelCase to snake_case; {@code id} is the file's first
     * column. Null when the file has no such column.
     *
     * @param file the file
     * @param component the record component's name
     * @return the column, or null
     */
    static @Nullable String columnOf(DataFile file, String component) {
        if (component.equals("id")) {
            return file.columns().get(0);
        }
        StringBuilder b = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        String snake = b.toString();
        return file.columns().contains(snake) ? snake : null;
    }

    /** The component of {@code type} that a column of {@code file} maps to (the inverse of {@link #columnOf}). */
    private static String componentOf(DataFile file, Class<?> type, String column) {
        RecordComponent[] components = type.getRecordComponents();
        if (components != null) {
            for (RecordComponent c : components) {
                if (column.equals(columnOf(file, c.getName()))) {
                    return c.getName();
                }
            }
            for (RecordComponent c : components) {
                if (c.getName().equals("id") && column.endsWith("_id")) {
                    return "id";
                }
            }
        }
        return column;
    }

    /** The violation located by record: the record at its "line", the component for its column. */
    private RecordViolation locate(Violation v) {
        DataFile file = fileNamed(v.file());
        String message = v.message();
        for (DataFile f : DataFile.values()) {
            message = message.replace(f.fileName(), "the " + typeOf(f) + " records");
        }
        if (v.line() < 1 || v.line() > checked.size()) {
            return new RecordViolation(v.severity(), typeOf(file), 0, "", v.field(), v.value(), v.rule(), message);
        }
        Object r = checked.get((int) v.line() - 1);
        RecordKey key = RecordKey.of(r);
        StringJoiner identifiers = new StringJoiner(", ");
        List<String> columns = RecordKey.columns(key.file());
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            identifiers.add(componentOf(file, r.getClass(), column) + "="
                    + (file.isPersonal(column) ? Violations.REDACTED : key.values().get(i)));
        }
        return new RecordViolation(v.severity(), r.getClass().getSimpleName(), positions.get((int) v.line() - 1),
                identifiers.toString(), v.field().map(c -> componentOf(file, r.getClass(), c)), v.value(), v.rule(),
                message);
    }

    private static DataFile fileNamed(String name) {
        for (DataFile f : DataFile.values()) {
            if (f.fileName().equals(name)) {
                return f;
            }
        }
        throw new IllegalStateException("no file named " + name);
    }

    /** The record type of a file's rows. */
    private static String typeOf(DataFile file) {
        return switch (file) {
            case ORGANIZATIONS -> "Organization";
            case SCHOOLS -> "School";
            case PARTNERSHIPS -> "Partnership";
            case STUDENTS -> "Student";
            case STUDENT_CHARACTERISTICS -> "StudentCharacteristic";
            case CALENDAR -> "InstructionalDay";
            case ENROLLMENTS -> "Enrollment";
            case DIPLOMAS -> "Diploma";
            case ATTENDANCE -> "AttendanceRecord";
            case BEHAVIOR -> "BehaviorIncident";
            case COURSE_MARKS -> "CourseMark";
            case STAFF -> "Staff";
            case STAFF_ASSIGNMENTS -> "StaffAssignment";
            case STUDENT_STAFF -> "StudentStaffRelationship";
            case INTERVENTIONS -> "Intervention";
            case INTERVENTION_PARTICIPANTS -> "InterventionParticipant";
            case CONSENTS -> "Consent";
            case MEETINGS -> "Meeting";
            case AGENDA_ITEMS -> "AgendaItem";
            case ACTION_STEPS -> "ActionStep";
            case AGREEMENTS -> "DataSharingAgreement";
        };
    }
}
