package org.communityschools.spark.internal;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataReader;
import org.communityschools.core.data.ReadResult;
import org.communityschools.core.model.DateRange;
import org.communityschools.core.model.GradeLevel;
import org.communityschools.core.model.School;
import org.communityschools.spark.SparkDistrictData;
import org.communityschools.spark.rows.AttendanceRow;
import org.communityschools.spark.rows.CalendarRow;
import org.communityschools.spark.rows.CharacteristicRow;
import org.communityschools.spark.rows.DiplomaRow;
import org.communityschools.spark.rows.EnrollmentRow;
import org.communityschools.spark.rows.StudentRow;
import org.communityschools.spark.rows.ViolationRow;
import org.jspecify.annotations.Nullable;

/**
 * Reads a district data directory (CSV files, or Parquet tables with the same columns) into Spark. The small
 * reference files (organizations, schools, partnerships) are collected to the driver and read by the core reader
 * itself, so every rule about them is the core's; the large files are parsed on the executors by {@link RowParser}
 * (the core's row rules) and checked with joins for the core's cross-record rules: {@code unique.id},
 * {@code unique.calendar-day}, {@code unique.enrollment}, {@code unique.attendance}, {@code reference.unknown-student},
 * {@code reference.unknown-school}, {@code reference.rejected}, {@code enrollment.grade-offered},
 * {@code enrollment.no-overlap-at-school}, {@code diploma.enrolled-at-school}, {@code attendance.on-instructional-day}
 * and {@code attendance.within-enrollment}. Not checked on Spark: Jakarta constraints of the large files
 * ({@code field.constraint}). Not thread-safe; one per read.
 */
public final class SparkLoader {
    private static final DataFile[] REFERENCE = {DataFile.ORGANIZATIONS, DataFile.SCHOOLS, DataFile.PARTNERSHIPS};

    private final SparkSession spark;
    private final boolean parquet;
    private final String dir;
    private final FileSystem fs;
    private final List<Dataset<ViolationRow>> violations = new ArrayList<>();
    private final List<ViolationRow> driverViolations = new ArrayList<>();
    private final Encoder<ViolationRow> violationEncoder = Encoders.bean(ViolationRow.class);

    /** A loader of {@code dir} (a Hadoop path: local, HDFS, S3, DBFS, ...). */
    public SparkLoader(SparkSession spark, String dir, boolean parquet) {
        this.spark = spark;
        this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        this.parquet = parquet;
        try {
            this.fs = new org.apache.hadoop.fs.Path(this.dir).getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the file system of " + dir, e);
        }
    }

    private String pathOf(DataFile f) {
        return dir + "/" + (parquet ? f.fileName().replace(".csv", ".parquet") : f.fileName());
    }

    private boolean exists(DataFile f) {
        try {
            return fs.exists(new org.apache.hadoop.fs.Path(pathOf(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw parse of one large file: the parsed rows, or null when absent or rejected as a whole. */
    private record Raw(@Nullable JavaRDD<RowParser.Parsed> parsed, boolean rejectedWhole) {}

    /** Reads everything. */
    public SparkDistrictData load() {
        // ---- the small reference files, by the core reader on the driver
        Map<DataFile, List<String[]>> small = new HashMap<>();
        DistrictData reference = readReference(small);
        Set<String> schools = new HashSet<>();
        Map<String, int[]> grades = new HashMap<>();
        for (School s : reference.schools()) {
            schools.add(s.id().value());
            grades.put(s.id().value(), new int[] {s.lowGrade().ordinal(), s.highGrade().ordinal()});
        }
        Set<String> rejectedSchools = new HashSet<>();
        for (String[] row : small.getOrDefault(DataFile.SCHOOLS, List.of())) {
            if (row.length > 0 && !schools.contains(row[0])) {
                rejectedSchools.add(row[0]);
            }
        }
        boolean schoolsRejected = reference.schools().isEmpty() && !small.getOrDefault(DataFile.SCHOOLS, List.of()).isEmpty();
        var jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Set<String>> schoolSet = jsc.broadcast(schools);
        Broadcast<Map<String, int[]>> gradeSpans = jsc.broadcast(grades);
        RefCheck schoolRef = new RefCheck("school_id", "school", "reference.unknown-school", DataFile.SCHOOLS, schoolSet,
                rejectedSchools, schoolsRejected);

        // ---- students
        Raw rs = raw(DataFile.STUDENTS);
        Dataset<StudentRow> students = rows(rs, StudentRow.class);
        students = unique(students, StudentRow.class, DataFile.STUDENTS, "student_id", "unique.id",
                "student_id must be unique within students.csv", "studentId");
        Set<String> rejectedStudents = rs.parsed() == null ? Set.of()
                : new HashSet<>(rs.parsed().filter(p -> p.row() == null && p.key() != null).map(RowParser.Parsed::key).take(1_000_000));
        Dataset<Row> studentIds = students.select(col("studentId").as("_ref")).distinct();
        StudentRef studentRef = new StudentRef(studentIds, rejectedStudents, rs.rejectedWhole());

        // ---- characteristics
        Dataset<CharacteristicRow> characteristics = rows(raw(DataFile.STUDENT_CHARACTERISTICS), CharacteristicRow.class);
        characteristics = studentRef.check(characteristics, CharacteristicRow.class, DataFile.STUDENT_CHARACTERISTICS);

        // ---- calendar
        Dataset<CalendarRow> calendar = rows(raw(DataFile.CALENDAR), CalendarRow.class);
        calendar = schoolRef.check(calendar, CalendarRow.class, DataFile.CALENDAR);
        calendar = unique(calendar, CalendarRow.class, DataFile.CALENDAR, "school_id", "unique.calendar-day",
                "a school and date may appear once in calendar.csv", "schoolId", "date");

        // ---- enrollments
        Dataset<EnrollmentRow> enrollments = rows(raw(DataFile.ENROLLMENTS), EnrollmentRow.class);
        enrollments = studentRef.check(enrollments, EnrollmentRow.class, DataFile.ENROLLMENTS);
        enrollments = schoolRef.check(enrollments, EnrollmentRow.class, DataFile.ENROLLMENTS);
        int gradeColumn = DataFile.ENROLLMENTS.columns().indexOf("entry_grade") + 1;
        violations.add(enrollments.filter((FilterFunction<EnrollmentRow>) e -> !offered(gradeSpans.value(), e))
                .map((MapFunction<EnrollmentRow, ViolationRow>) e -> RowParser.violation(DataFile.ENROLLMENTS, e.getLine(), gradeColumn,
                        "entry_grade", e.getEntryGrade(), "enrollment.grade-offered",
                        "entry_grade must be offered by the school '" + e.getSchoolId() + "'", false), violationEncoder));
        enrollments = enrollments.filter((FilterFunction<EnrollmentRow>) e -> offered(gradeSpans.value(), e));
        enrollments = unique(enrollments, EnrollmentRow.class, DataFile.ENROLLMENTS, "entry_date", "unique.enrollment",
                "a student, school and entry_date may appear once", "studentId", "schoolId", "entryDate");
        enrollments = noOverlapAtSchool(enrollments);

        // ---- diplomas
        Dataset<DiplomaRow> diplomas = rows(raw(DataFile.DIPLOMAS), DiplomaRow.class);
        diplomas = studentRef.check(diplomas, DiplomaRow.class, DataFile.DIPLOMAS);
        diplomas = schoolRef.check(diplomas, DiplomaRow.class, DataFile.DIPLOMAS);
        Dataset<Row> attended = enrollments.select(col("studentId").as("_s"), col("schoolId").as("_c")).distinct();
        Column enrolledThere = col("studentId").equalTo(col("_s")).and(col("schoolId").equalTo(col("_c")));
        int diplomaSchool = DataFile.DIPLOMAS.columns().indexOf("school_id") + 1;
        violations.add(diplomas.join(attended, enrolledThere, "left_anti").as(Encoders.bean(DiplomaRow.class))
                .map((MapFunction<DiplomaRow, ViolationRow>) d -> RowParser.violation(DataFile.DIPLOMAS, d.getLine(), diplomaSchool,
                        "school_id", d.getSchoolId(), "diploma.enrolled-at-school",
                        "the awarding school must be one the student was enrolled in", false), violationEncoder));
        diplomas = diplomas.join(attended, enrolledThere, "left_semi").as(Encoders.bean(DiplomaRow.class));

        // ---- attendance
        Dataset<AttendanceRow> attendance = rows(raw(DataFile.ATTENDANCE), AttendanceRow.class);
        attendance = studentRef.check(attendance, AttendanceRow.class, DataFile.ATTENDANCE);
        attendance = schoolRef.check(attendance, AttendanceRow.class, DataFile.ATTENDANCE);
        Dataset<Row> days = calendar.select(col("schoolId").as("_c"), col("date").as("_d"));
        Dataset<Row> withCalendar = calendar.select(col("schoolId").as("_c")).distinct();
        Dataset<Row> offDay = attendance.join(withCalendar, col("schoolId").equalTo(col("_c")), "left_semi")
                .join(days, col("schoolId").equalTo(col("_c")).and(col("date").equalTo(col("_d"))), "left_anti")
                .select(col("line").as("_l"));
        Dataset<Row> inEnrollment = attendance.join(enrollments.select(col("studentId").as("_s"), col("schoolId").as("_c"),
                                col("entryDate").as("_e"), col("exitDate").as("_x")),
                        col("studentId").equalTo(col("_s")).and(col("schoolId").equalTo(col("_c"))).and(col("date").geq(col("_e")))
                                .and(col("_x").isNull().or(col("date").leq(col("_x")))), "left_semi")
                .select(col("line").as("_l"));
        int dateColumn = DataFile.ATTENDANCE.columns().indexOf("date") + 1;
        violations.add(attendance.join(offDay, col("line").equalTo(col("_l")), "left_semi").as(Encoders.bean(AttendanceRow.class))
                .map((MapFunction<AttendanceRow, ViolationRow>) a -> RowParser.violation(DataFile.ATTENDANCE, a.getLine(), dateColumn,
                        "date", a.getDate().toString(), "attendance.on-instructional-day",
                        "attendance must fall on an instructional day of the school's calendar; " + a.getDate()
                                + " is not one at school '" + a.getSchoolId() + "'", false), violationEncoder));
        violations.add(attendance.join(inEnrollment, col("line").equalTo(col("_l")), "left_anti").as(Encoders.bean(AttendanceRow.class))
                .map((MapFunction<AttendanceRow, ViolationRow>) a -> RowParser.violation(DataFile.ATTENDANCE, a.getLine(), dateColumn,
                        "date", a.getDate().toString(), "attendance.within-enrollment",
                        "attendance must fall inside an enrollment of the student at the school", false), violationEncoder));
        attendance = attendance.join(offDay, col("line").equalTo(col("_l")), "left_anti")
                .join(inEnrollment, col("line").equalTo(col("_l")), "left_semi").as(Encoders.bean(AttendanceRow.class));
        attendance = unique(attendance, AttendanceRow.class, DataFile.ATTENDANCE, "student_id", "unique.attendance",
                "a student, school and date may appear once", "studentId", "schoolId", "date");

        Dataset<ViolationRow> all = spark.createDataset(driverViolations, violationEncoder);
        for (Dataset<ViolationRow> v : violations) {
            all = all.union(v);
        }
        return new SparkDistrictData(reference, students, characteristics, calendar, enrollments, diplomas, attendance, all);
    }

    private static boolean offered(Map<String, int[]> spans, EnrollmentRow e) {
        int[] span = spans.get(e.getSchoolId());
        int g = GradeLevel.parse(e.getEntryGrade()).ordinal();
        return span != null && g >= span[0] && g <= span[1];
    }

    /**
     * The core's {@code enrollment.no-overlap-at-school}: the enrollments of one student at one school, replayed in file
     * order as the core reader does, where a row whose period overlaps one kept before it is reported and left out.
     */
    private Dataset<EnrollmentRow> noOverlapAtSchool(Dataset<EnrollmentRow> enrollments) {
        Encoder<EnrollmentRow> type = Encoders.bean(EnrollmentRow.class);
        Dataset<Row> overlapping = enrollments
                .groupByKey((MapFunction<EnrollmentRow, String>) e -> e.getStudentId() + '\u0000' + e.getSchoolId(), Encoders.STRING())
                .flatMapGroups((org.apache.spark.api.java.function.FlatMapGroupsFunction<String, EnrollmentRow, Long>) (key, rows) -> {
                    List<EnrollmentRow> all = new ArrayList<>();
                    rows.forEachRemaining(all::add);
                    if (all.size() < 2) {
                        return java.util.Collections.emptyIterator();
                    }
                    all.sort(java.util.Comparator.comparingLong(EnrollmentRow::getLine));
                    List<DateRange> kept = new ArrayList<>();
                    List<Long> rejected = new ArrayList<>();
                    for (EnrollmentRow e : all) {
                        DateRange period = period(e);
                        if (kept.stream().anyMatch(k -> k.overlaps(period))) {
                            rejected.add(e.getLine());
                        } else {
                            kept.add(period);
                        }
                    }
                    return rejected.iterator();
                }, Encoders.LONG())
                .toDF("_l");
        int column = DataFile.ENROLLMENTS.columns().indexOf("entry_date") + 1;
        violations.add(enrollments.join(overlapping, col("line").equalTo(col("_l")), "left_semi").as(type)
                .map((MapFunction<EnrollmentRow, ViolationRow>) e -> RowParser.violation(DataFile.ENROLLMENTS, e.getLine(), column,
                        "entry_date", e.getEntryDate().toString(), "enrollment.no-overlap-at-school",
                        "enrollments of one student at one school must not overlap; student '" + e.getStudentId() + "' at school '"
                                + e.getSchoolId() + "': " + period(e) + " overlaps an earlier enrollment", false), violationEncoder));
        return enrollments.join(overlapping, col("line").equalTo(col("_l")), "left_anti").as(type);
    }

    private static DateRange period(EnrollmentRow e) {
        return DateRange.closed(e.getEntryDate(), java.util.Optional.ofNullable(e.getExitDate()));
    }

    /** Keeps the first line of each key and reports the later ones. */
    private <T> Dataset<T> unique(Dataset<T> ds, Class<T> type, DataFile file, String field, String rule, String message,
                                  String... keys) {
        Column[] k = new Column[keys.length];
        for (int i = 0; i < keys.length; i++) {
            k[i] = col(keys[i]);
        }
        Dataset<Row> ranked = ds.withColumn("_n", row_number().over(Window.partitionBy(k).orderBy(col("line"))));
        int column = rule.equals("unique.attendance") ? 1 : file.columns().indexOf(field) + 1;
        String property = toProperty(field);
        violations.add(ranked.filter(col("_n").gt(1)).drop("_n").as(Encoders.bean(type))
                .map((MapFunction<T, ViolationRow>) r -> RowParser.violation(file, line(r), column, field,
                        String.valueOf(property(r, property)), rule, message, false), violationEncoder));
        return ranked.filter(col("_n").equalTo(1)).drop("_n").as(Encoders.bean(type));
    }

    private static String toProperty(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    private static long line(Object row) {
        return (Long) property(row, "line");
    }

    private static @Nullable Object property(Object row, String name) {
        try {
            return new java.beans.PropertyDescriptor(name, row.getClass()).getReadMethod().invoke(row);
        } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reference check of a column against a small set of ids on the driver (the schools). */
    private final class RefCheck {
        private final String column;
        private final String kind;
        private final String rule;
        private final DataFile target;
        private final Broadcast<Set<String>> ids;
        private final Set<String> rejected;
        private final boolean targetRejected;

        RefCheck(String column, String kind, String rule, DataFile target, Broadcast<Set<String>> ids, Set<String> rejected,
                 boolean targetRejected) {
            this.column = column;
            this.kind = kind;
            this.rule = rule;
            this.target = target;
            this.ids = ids;
            this.rejected = rejected;
            this.targetRejected = targetRejected;
        }

        <T> Dataset<T> check(Dataset<T> ds, Class<T> type, DataFile file) {
            String property = toProperty(column);
            int position = file.columns().indexOf(column) + 1;
            Set<String> rejectedIds = rejected;
            boolean whole = targetRejected;
            String c = column;
            String k = kind;
            String r = rule;
            String t = target.fileName();
            Dataset<Row> known = org.apache.spark.sql.functions.broadcast(
                    spark.createDataset(new ArrayList<>(ids.value()), Encoders.STRING()).toDF("_known"));
            Column same = col(property).equalTo(col("_known"));
            violations.add(ds.join(known, same, "left_anti").as(Encoders.bean(type))
                    .map((MapFunction<T, ViolationRow>) row -> {
                        String id = (String) property(row, property);
                        boolean wasRejected = whole || rejectedIds.contains(id);
                        return RowParser.violation(file, line(row), position, c, id, wasRejected ? "reference.rejected" : r,
                                c + " refers to " + k + " '" + id + "', " + (wasRejected ? "whose row in " + t + " was rejected"
                                        : "which is not in " + t), false);
                    }, violationEncoder));
            return ds.join(known, same, "left_semi").as(Encoders.bean(type));
        }
    }

    /** The reference check of {@code student_id} against the students Dataset (too large for the driver). */
    private final class StudentRef {
        private final Dataset<Row> ids;
        private final Set<String> rejected;
        private final boolean whole;

        StudentRef(Dataset<Row> ids, Set<String> rejected, boolean whole) {
            this.ids = ids;
            this.rejected = rejected;
            this.whole = whole;
        }

        <T> Dataset<T> check(Dataset<T> ds, Class<T> type, DataFile file) {
            int position = file.columns().indexOf("student_id") + 1;
            Set<String> rejectedIds = rejected;
            boolean w = whole;
            Column same = col("studentId").equalTo(col("_ref"));
            violations.add(ds.join(ids, same, "left_anti").as(Encoders.bean(type))
                    .map((MapFunction<T, ViolationRow>) row -> {
                        String id = (String) property(row, "studentId");
                        boolean wasRejected = w || rejectedIds.contains(id);
                        return RowParser.violation(file, line(row), position, "student_id", id,
                                wasRejected ? "reference.rejected" : "reference.unknown-student",
                                "student_id refers to student '" + id + "', " + (wasRejected ? "whose row in students.csv was rejected"
                                        : "which is not in students.csv"), false);
                    }, violationEncoder));
            return ds.join(ids, same, "left_semi").as(Encoders.bean(type));
        }
    }

    // ---------------------------------------------------------------- raw files

    private <T> Dataset<T> rows(Raw raw, Class<T> type) {
        Encoder<T> encoder = Encoders.bean(type);
        if (raw.parsed() == null) {
            return spark.emptyDataset(encoder);
        }
        JavaRDD<RowParser.Parsed> parsed = raw.parsed();
        violations.add(spark.createDataset(parsed.flatMap(p -> p.violations().iterator()).rdd(), violationEncoder));
        return spark.createDataset(parsed.filter(p -> p.row() != null).map(p -> type.cast(p.row())).rdd(), encoder);
    }

    private Raw raw(DataFile file) {
        if (!exists(file)) {
            return new Raw(null, false);
        }
        List<String> header;
        JavaRDD<scala.Tuple2<String[], Long>> cells;
        long firstLine;
        if (parquet) {
            Dataset<Row> df = spark.read().parquet(pathOf(file));
            header = List.of(df.columns());
            Column[] asText = new Column[header.size()];
            for (int i = 0; i < asText.length; i++) {
                asText[i] = col("`" + header.get(i) + "`").cast("string");
            }
            cells = df.select(asText).javaRDD().zipWithIndex().map(t -> {
                Row r = t._1();
                String[] c = new String[r.length()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = r.isNullAt(i) ? "" : r.getString(i);
                }
                return new scala.Tuple2<>(c, t._2());
            });
            firstLine = 2;
        } else {
            JavaRDD<String> lines = spark.sparkContext().textFile(pathOf(file), spark.sparkContext().defaultMinPartitions()).toJavaRDD();
            List<String> first = lines.take(1);
            if (first.isEmpty()) {
                driverViolations.add(RowParser.violation(file, 1, 0, null, null, "header.missing",
                        file.fileName() + " must start with a header row", false));
                return new Raw(null, true);
            }
            String[] h = Csv.split(first.get(0));
            header = h == null ? List.of() : List.of(h);
            cells = lines.zipWithIndex().filter(t -> t._2() > 0).map(t -> {
                String[] c = Csv.split(t._1());
                return new scala.Tuple2<>(c == null ? new String[] {"\u0000malformed"} : c, t._2());
            });
            firstLine = 1;
        }
        int[] positions = header(file, header);
        if (positions == null) {
            return new Raw(null, true);
        }
        int width = header.size();
        long offset = firstLine;
        JavaRDD<RowParser.Parsed> parsed = cells.filter(t -> !(width > 1 && t._1().length == 1 && t._1()[0].isBlank()))
                .map(t -> {
                    long line = t._2() + (offset == 2 ? 2 : 1);
                    String[] c = t._1();
                    if (c.length == 1 && c[0].equals("\u0000malformed")) {
                        return new RowParser.Parsed(null, null, List.of(RowParser.violation(file, line, 0, null, null, "file.malformed",
                                "the row is not well-formed CSV (an unclosed quote, or a cell spanning lines)", false)));
                    }
                    if (c.length != width) {
                        return new RowParser.Parsed(null, null, List.of(RowParser.violation(file, line, 0, null, null, "row.cell-count",
                                "every row must have as many cells as the header (" + width + "); this one has " + c.length, false)));
                    }
                    String[] aligned = new String[positions.length];
                    for (int i = 0; i < positions.length; i++) {
                        aligned[i] = positions[i] < 0 ? null : c[positions[i]];
                    }
                    return RowParser.parse(file, line, aligned);
                });
        // parsed once, read twice (the accepted rows and the violations): kept in memory, spilling to disk
        return new Raw(parsed.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK()), false);
    }

    /** The core reader's header rules; the positions of the file's columns, or null when the file is rejected. */
    private int @Nullable [] header(DataFile file, List<String> header) {
        int[] positions = new int[file.columns().size()];
        java.util.Arrays.fill(positions, -1);
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            int c = file.columns().indexOf(name);
            if (c < 0) {
                driverViolations.add(RowParser.violation(file, 1, i + 1, name, null, "header.unknown-column",
                        "the column '" + name + "' is not in the format of " + file.fileName() + " and is ignored", true));
            } else if (positions[c] >= 0) {
                driverViolations.add(RowParser.violation(file, 1, i + 1, name, null, "header.duplicate-column",
                        "the column '" + name + "' appears more than once; no row of the file was read", false));
                ok = false;
            } else {
                positions[c] = i;
            }
        }
        for (int c = 0; c < positions.length; c++) {
            String name = file.columns().get(c);
            if (positions[c] < 0 && file.isRequired(name)) {
                driverViolations.add(RowParser.violation(file, 1, 0, name, null, "header.required-column",
                        "the header must have the required column '" + name + "'; no row of the file was read", false));
                ok = false;
            }
        }
        return ok ? positions : null;
    }

    // ---------------------------------------------------------------- the reference files, on the driver

    private DistrictData readReference(Map<DataFile, List<String[]>> small) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("cs-spark-reference");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (DataFile f : REFERENCE) {
                if (!exists(f)) {
                    continue;
                }
                Path local = tmp.resolve(f.fileName());
                if (parquet) {
                    Dataset<Row> df = spark.read().parquet(pathOf(f));
                    String[] names = df.columns();
                    Column[] asText = new Column[names.length];
                    for (int i = 0; i < names.length; i++) {
                        asText[i] = col("`" + names[i] + "`").cast("string");
                    }
                    List<String[]> rows = new ArrayList<>();
                    try (Writer w = Files.newBufferedWriter(local, StandardCharsets.UTF_8)) {
                        w.write(csvLine(names));
                        for (Row r : df.select(asText).collectAsList()) {
                            String[] c = new String[r.length()];
                            for (int i = 0; i < c.length; i++) {
                                c[i] = r.isNullAt(i) ? "" : r.getString(i);
                            }
                            rows.add(c);
                            w.write(csvLine(c));
                        }
                    }
                    small.put(f, rows);
                } else {
                    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(pathOf(f)))) {
                        Files.copy(in, local);
                    }
                    List<String[]> rows = new ArrayList<>();
                    List<String> lines = Files.readAllLines(local, StandardCharsets.UTF_8);
                    for (int i = 1; i < lines.size(); i++) {
                        String[] c = Csv.split(lines.get(i));
                        if (c != null) {
                            rows.add(c);
                        }
                    }
                    small.put(f, rows);
                }
            }
            DistrictDataReader reader;
            try {
                reader = DistrictDataReader.builder().lenient(true).build();
            } catch (RuntimeException noProvider) {
                reader = DistrictDataReader.builder().lenient(true).withoutBeanValidation().build();
            }
            ReadResult result = reader.read(tmp);
            result.report().violations().forEach(v -> driverViolations.add(ViolationRow.of(v)));
            return result.data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }
    }

    private static String csvLine(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.append('\n').toString();
    }
}
