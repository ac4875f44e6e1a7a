package org.communityschools.core.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communityschools.core.model.AttendanceCategory;
import org.communityschools.core.model.AttendanceRecord;
import org.communityschools.core.model.DayShare;
import org.communityschools.core.model.SchoolId;
import org.communityschools.core.model.StudentId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manual measurement (not a test) of the JSON module's throughput on attendance records, the largest file:
 * <pre>
 * mvn -B -q -o -pl sdk-core test-compile
 * java -Xmx2g -cp sdk-core/target/classes:sdk-core/target/test-classes:JACKSON_JARS \
 *     org.communityschools.core.json.JsonMeasurement 1000000
 * </pre>
 * where JACKSON_JARS are jackson-core and jackson-databind 3.3.0 and jackson-annotations 2.x from ~/.m2.
 */
public final class JsonMeasurement {
    private JsonMeasurement() {}

    /** Writes and reads {@code args[0]} attendance records three times, printing rows per second. */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        List<AttendanceRecord> rows = new ArrayList<>(n);
        AttendanceCategory[] categories = AttendanceCategory.values();
        for (int i = 0; i < n; i++) {
            rows.add(new AttendanceRecord(StudentId.of("S" + (i % 100_000)), SchoolId.of("01M" + (i % 1800)),
                    LocalDate.of(2017, 9, 7).plusDays(i % 180), categories[i % categories.length],
                    DayShare.ofTenThousandths((i % 3) * 5000), Optional.empty()));
        }
        JsonMapper mapper = CommunitySchoolsJson.mapper();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            byte[] json = mapper.writeValueAsBytes(rows);
            long t1 = System.nanoTime();
            List<AttendanceRecord> back = mapper.readValue(json, new TypeReference<List<AttendanceRecord>>() {});
            long t2 = System.nanoTime();
            System.out.printf("rows=%d bytes=%d write=%.0f ms (%.2f M rows/s) read=%.0f ms (%.2f M rows/s) equal=%b%n", n,
                    json.length, (t1 - t0) / 1e6, n / ((t1 - t0) / 1e9) / 1e6, (t2 - t1) / 1e6,
                    n / ((t2 - t1) / 1e9) / 1e6, back.equals(rows));
        }
    }
}
