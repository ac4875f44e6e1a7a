package org.communityschools.spark.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.internal.io.Values;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.DiplomaType;
import org.communityschools.core.model.Enrollment;
import org.communityschools.core.model.ExitWithdrawType;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.RaceEthnicity;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.SchoolYear;
import org.communityschools.core.model.Sex;
import org.communityschools.core.model.StudentCharacteristicType;
import org.communityschools.core.model.StudentId;
import org.communityschools.spark.rows.AttendanceRow;
import org.communityschools.spark.rows.CalendarRow;
import org.communityschools.spark.rows.CharacteristicRow;
import org.communityschools.spark.rows.DiplomaRow;
import org.communityschools.spark.rows.EnrollmentRow;
import org.communityschools.spark.rows.StudentRow;
import org.communityschools.spark.rows.ViolationRow;
import org.jspecify.annotations.Nullable;

/**
 * The row rules of the core reader (sdk-core {@code DirectoryLoader}), applied to one row at a time on a Spark
 * executor: {@code field.required}, {@code field.format} (cell formats from sdk-core's {@code Values}, the one place
 * for them; identifiers from the id types), {@code field.invalid} (the record's constructor), {@code field.date-order}
 * and {@code attendance.partial-duration}, with the same columns and codes (docs/data-directory-rules.md). Personal
 * columns' values are reported as {@code <redacted>}. One instance per row; not thread-safe.
 */
public final class RowParser {
    /** A parsed row: the record (null when rejected), the text of its first column (its id) and the violations of the row. */
    public record Parsed(@Nullable Object row, @Nullable String key, List<ViolationRow> violations) implements Serializable {}

    private final DataFile file;
    private final long line;
    private final String[] cells;
    private final List<ViolationRow> violations = new ArrayList<>(1);
    private boolean failed;

    private RowParser(DataFile file, long line, String[] cells) {
        this.file = file;
        this.line = line;
        this.cells = cells;
    }

    /** Parses {@code cells} (in {@link DataFile#columns()} order; null for a column the file lacks) of {@code line}. */
    public static Parsed parse(DataFile file, long line, String[] cells) {
        RowParser p = new RowParser(file, line, cells);
        Object row = p.row();
        if (row != null) {
            setLine(row, line);
        }
        return new Parsed(p.failed ? null : row, p.text(file.columns().get(0)), p.violations);
    }

    /** A violation row of {@code file}. */
    public static ViolationRow violation(DataFile file, long line, int column, @Nullable String field, @Nullable String value,
                                         String rule, String message, boolean warning) {
        ViolationRow v = new ViolationRow();
        v.setSeverity(warning ? "WARNING" : "ERROR");
        v.setFile(file.fileName());
        v.setLine(line);
        v.setColumn(column);
        v.setField(field);
        v.setValue(value == null ? null : field != null && file.isPersonal(field) ? "<redacted>" : value);
        v.setRule(rule);
        v.setMessage(message);
        return v;
    }

    private @Nullable Object row() {
        return switch (file) {
            case STUDENTS -> {
                String id = required("student_id", t -> StudentId.of(t).value());
                required("first_name", t -> t);
                required("last_name", t -> t);
                required("birth_date", Values::parseDate);
                Sex sex = required("sex", t -> Values.parseEnum(Sex.class, t));
                RaceEthnicity race = required("race_ethnicity", t -> Values.parseEnum(RaceEthnicity.class, t));
                Optional<SchoolYear> cohort = optional("ninth_grade_cohort", Values::parseSchoolYear);
                optional("directory_opt_out", Values::parseBoolean);
                if (failed) {
                    yield null;
                }
                StudentRow r = new StudentRow();
                r.setStudentId(id);
                r.setSex(sex.name());
                r.setRaceEthnicity(race.name());
                r.setNinthGradeCohort(cohort.map(SchoolYear::endYear).orElse(null));
                yield r;
            }
            case STUDENT_CHARACTERISTICS -> {
                String student = required("student_id", t -> StudentId.of(t).value());
                StudentCharacteristicType type = required("characteristic", t -> Values.parseEnum(StudentCharacteristicType.class, t));
                LocalDate begin = required("begin_date", Values::parseDate);
                Optional<LocalDate> end = optional("end_date", Values::parseDate);
                if (failed) {
                    yield null;
                }
                if (end.isPresent() && end.get().isBefore(begin)) {
                    fail("end_date", end.get().toString(), "field.date-order", "end_date must not be before begin_date " + begin);
                    yield null;
                }
                CharacteristicRow r = new CharacteristicRow();
                r.setStudentId(student);
                r.setCharacteristic(type.name());
                r.setBeginDate(begin);
                r.setEndDate(end.orElse(null));
                yield r;
            }
            case CALENDAR -> {
                String school = required("school_id", t -> SchoolId.of(t).value());
                LocalDate date = required("date", Values::parseDate);
                if (failed) {
                    yield null;
                }
                CalendarRow r = new CalendarRow();
                r.setSchoolId(school);
                r.setDate(date);
                yield r;
            }
            case ENROLLMENTS -> {
                String student = required("student_id", t -> StudentId.of(t).value());
                String school = required("school_id", t -> SchoolId.of(t).value());
                LocalDate entry = required("entry_date", Values::parseDate);
                GradeLevel grade = required("entry_grade", Values::parseGrade);
                Optional<LocalDate> exit = optional("exit_date", Values::parseDate);
                Optional<ExitWithdrawType> exitType = optional("exit_type", t -> Values.parseEnum(ExitWithdrawType.class, t));
                boolean documented = optional("exit_documented", Values::parseBoolean).orElse(false);
                if (failed) {
                    yield null;
                }
                if (exit.isPresent() && exit.get().isBefore(entry)) {
                    fail("exit_date", exit.get().toString(), "field.date-order", "exit_date must not be before entry_date " + entry);
                    yield null;
                }
                try {
                    new Enrollment(StudentId.of(student), SchoolId.of(school), entry, grade, exit, exitType, documented);
                } catch (IllegalArgumentException e) {
                    invalid(e);
                    yield null;
                }
                EnrollmentRow r = new EnrollmentRow();
                r.setStudentId(student);
                r.setSchoolId(school);
                r.setEntryDate(entry);
                r.setEntryGrade(grade.code());
                r.setExitDate(exit.orElse(null));
                r.setExitType(exitType.map(Enum::name).orElse(null));
                r.setExitDocumented(documented);
                yield r;
            }
            case DIPLOMAS -> {
                String student = required("student_id", t -> StudentId.of(t).value());
                String school = required("school_id", t -> SchoolId.of(t).value());
                LocalDate date = required("award_date", Values::parseDate);
                DiplomaType type = required("diploma_type", t -> Values.parseEnum(DiplomaType.class, t));
                if (failed) {
                    yield null;
                }
                DiplomaRow r = new DiplomaRow();
                r.setStudentId(student);
                r.setSchoolId(school);
                r.setAwardDate(date);
                r.setDiplomaType(type.name());
                yield r;
            }
            case ATTENDANCE -> {
                String student = required("student_id", t -> StudentId.of(t).value());
                String school = required("school_id", t -> SchoolId.of(t).value());
                LocalDate date = required("date", Values::parseDate);
                AttendanceCategory category = required("category", t -> Values.parseEnum(AttendanceCategory.class, t));
                int duration = -1;
                String d = text("duration");
                if (d != null) {
                    try {
                        duration = Values.parseDayShareTenThousandths(d);
                    } catch (IllegalArgumentException e) {
                        fail("duration", d, "field.format", "duration " + e.getMessage());
                    }
                } else if (category != null) {
                    duration = category.defaultDuration().map(s -> s.tenThousandths()).orElse(-1);
                    if (duration < 0) {
                        fail("duration", null, "attendance.partial-duration", "duration is required for category PARTIAL");
                    }
                }
                String reason = text("reason");
                if (reason != null && (reason.isBlank() || reason.length() > 64)) {
                    fail("reason", reason, "field.invalid", "reason must have 1 to 64 characters");
                }
                if (failed) {
                    yield null;
                }
                AttendanceRow r = new AttendanceRow();
                r.setStudentId(student);
                r.setSchoolId(school);
                r.setDate(date);
                r.setCategory(category.name());
                r.setDurationTenThousandths(duration);
                yield r;
            }
            default -> throw new IllegalArgumentException("the Spark reader reads " + file.fileName() + " on the driver");
        };
    }

    private static void setLine(Object row, long line) {
        if (row instanceof StudentRow r) {
            r.setLine(line);
        } else if (row instanceof CharacteristicRow r) {
            r.setLine(line);
        } else if (row instanceof CalendarRow r) {
            r.setLine(line);
        } else if (row instanceof EnrollmentRow r) {
            r.setLine(line);
        } else if (row instanceof DiplomaRow r) {
            r.setLine(line);
        } else if (row instanceof AttendanceRow r) {
            r.setLine(line);
        }
    }

    private int position(String name) {
        return file.columns().indexOf(name);
    }

    private @Nullable String text(String name) {
        String s = cells[position(name)];
        return s == null || s.isEmpty() ? null : s;
    }

    private void fail(@Nullable String name, @Nullable String value, String rule, String message) {
        failed = true;
        violations.add(violation(file, line, name == null ? 0 : position(name) + 1, name, value, rule, message, false));
    }

    private void invalid(IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        String best = null;
        int at = Integer.MAX_VALUE;
        for (String c : file.columns()) {
            int i = m.indexOf(c);
            if (i >= 0 && (i < at || (i == at && best != null && c.length() > best.length()))) {
                best = c;
                at = i;
            }
        }
        fail(best, best == null ? null : text(best), "field.invalid", m);
    }

    @SuppressWarnings("unchecked")
    private <T> @Nullable T required(String name, Function<String, T> parser) {
        String s = text(name);
        if (s == null) {
            fail(name, null, "field.required", name + " is required and must not be empty");
            return null;
        }
        return parse(name, s, parser);
    }

    private <T> Optional<T> optional(String name, Function<String, T> parser) {
        String s = text(name);
        return s == null ? Optional.empty() : Optional.ofNullable(parse(name, s, parser));
    }

    private <T> @Nullable T parse(String name, String s, Function<String, T> parser) {
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (file.isPersonal(name)) {
                m = m.replaceAll("'.*'", "'<redacted>'");
            }
            fail(name, s, "field.format", m.startsWith(name) ? m : name + " " + m);
            return null;
        }
    }
}
