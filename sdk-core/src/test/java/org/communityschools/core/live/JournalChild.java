package org.communityschools.core.live;

import java.nio.file.Path;

/**
 * The process the crash test kills: opens a live district with a journal in {@code args[0]} (starting from the small
 * district when the directory is empty) and applies {@link #batch(int)} for i = 1, 2, ... forever, printing
 * {@code ACK <version>} after each batch is acknowledged.
 */
public final class JournalChild {
    private JournalChild() {}

    /** The i-th batch of the stream (1-based): three attendance rows, for three students. */
    static ChangeBatch batch(int i) {
        ChangeBatch.Builder b = ChangeBatch.builder();
        for (int k = 0; k < 3; k++) {
            int student = (i + k) % 6;
            b.upsert(new org.communityschools.core.model.AttendanceRecord(SmallDistrict.student(student), SmallDistrict.K1,
                    SmallDistrict.day((i / 6 + k) % SmallDistrict.DAYS),
                    i % 2 == 0 ? org.communityschools.core.model.AttendanceCategory.TARDY
                            : org.communityschools.core.model.AttendanceCategory.UNEXCUSED_ABSENCE,
                    org.communityschools.core.model.DayShare.ofTenThousandths(i % 2 == 0 ? 0 : 10_000),
                    java.util.Optional.of("batch " + i)));
        }
        return b.build();
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        LiveDistrict.Builder builder = LiveDistrict.builder().journal(dir);
        if (!java.nio.file.Files.exists(dir.resolve("snapshot-0.done"))) {
            builder.data(SmallDistrict.build(6));
        }
        try (LiveDistrict live = builder.build()) {
            for (int i = (int) live.current().number() + 1; ; i++) {
                DistrictVersion v = live.apply(batch(i));
                System.out.println("ACK " + v.number());
                System.out.flush();
            }
        }
    }
}
