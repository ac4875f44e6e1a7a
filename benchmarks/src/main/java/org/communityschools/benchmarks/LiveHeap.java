package org.communityschools.benchmarks;

import java.util.Locale;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.DistrictVersion;
import org.communityschools.core.live.LiveDistrict;

/**
 * Heap of a live district, measured (not a JMH benchmark: heap is a state, not a rate). Used heap after full
 * collections, for a preset read as {@link City} reads it (the changes to apply are made before the first figure, so
 * every figure includes them):
 * <ol>
 *   <li>the static load (the data only);</li>
 *   <li>the live current version after the attendance batches of {@link LiveChanges} (one absence for each of up to
 *       100,000 students, in batches of 1,000) and the mixed batches (marks, incidents, enrollments, assignments,
 *       consents), with no older version held;</li>
 *   <li>the same with one older version held (the version before the last half of the batches);</li>
 *   <li>after {@link LiveDistrict#compact()}, the older version released.</li>
 * </ol>
 * It also prints the apply rates in CPU time of the applying thread (on a shared machine, wall-clock time measures the
 * other processes as much as the SDK; the JMH figures of {@link LiveBenchmark} are the wall-clock ones).
 * Run: {@code java -Xmx3g -Dbench.dataDir=DIR -cp benchmarks/target/benchmarks.jar
 * org.communityschools.benchmarks.LiveHeap district}. Prints one {@code [bench]} line per figure; with
 * {@code -Dlive.histogram=N}, also the N classes holding the most heap in the live current version.
 */
public final class LiveHeap {
    private LiveHeap() {}

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "district";
        DistrictData data = City.read(City.directory(preset));
        LiveChanges changes = LiveChanges.of(data, 100);
        long loaded = usedAfterGc();
        LiveDistrict live = LiveDistrict.of(data);
        data = null;
        int half = changes.attendance.size() / 2;
        long events = 0;
        for (int i = 0; i < half; i++) {
            live.apply(changes.attendance.get(i));
            events += changes.attendance.get(i).size();
        }
        DistrictVersion older = live.current();
        for (int i = half; i < changes.attendance.size(); i++) {
            live.apply(changes.attendance.get(i));
            events += changes.attendance.get(i).size();
        }
        live.apply(changes.mixedSetup());
        long mixed = 0;
        for (ChangeBatch b : changes.mixed) {
            live.apply(b);
            mixed += b.size();
        }
        long currentNumber = live.current().number();
        long withOlder = usedAfterGc();
        long olderNumber = older.number();
        older = null;
        long current = usedAfterGc();
        histogram(Integer.getInteger("live.histogram", 0));
        live.compact();
        long compacted = usedAfterGc();
        live.apply(changes.mixedSetup());
        print("%s: static load %,d MB", preset, mb(loaded));
        print("%s: live current version after %,d attendance events and %,d mixed changes (version %d): %,d MB (%+.1f%%)",
                preset, events, mixed, currentNumber, mb(current), pct(current, loaded));
        print("%s: the same with version %d also held: %,d MB (%+.1f%%; the older version costs %,d MB)", preset,
                olderNumber, mb(withOlder), pct(withOlder, loaded), mb(withOlder - current));
        print("%s: after compact(): %,d MB (%+.1f%%)", preset, mb(compacted), pct(compacted, loaded));
        rates(preset, live, changes.attendance, "attendance batches of 1,000 events");
        rates(preset, live, changes.mixed, "mixed batches of 1,000 changes");
        print("%s: load average %s", preset, loadAverage());
    }

    /**
     * Applies {@code batches} in a cycle, 10 rounds to warm up then 5 timed, and prints the changes per second of the
     * applying thread's CPU time and of wall-clock time.
     */
    private static void rates(String preset, LiveDistrict live, java.util.List<ChangeBatch> batches, String what) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = 0;
        long wall = 0;
        long changes = 0;
        for (int round = 0; round < 15; round++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (ChangeBatch b : batches) {
                live.apply(b);
                changes += round < 10 ? 0 : b.size();
            }
            if (round >= 10) {
                cpu += threads.getCurrentThreadCpuTime() - c0;
                wall += System.nanoTime() - w0;
            }
        }
        print("%s: %s: %,.0f changes per second of the applying thread's CPU time, %,.0f per second of wall-clock time "
                + "(%,d changes timed after twice as many to warm up)", preset, what, changes * 1e9 / cpu, changes * 1e9 / wall,
                changes);
    }

    /** With {@code -Dlive.histogram=N}: the N classes with the most heap, live objects only (diagnostic). */
    private static void histogram(int top) {
        if (top <= 0) {
            return;
        }
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            text.toString().lines().limit(top + 3L).forEach(System.out::println);
        } catch (javax.management.JMException e) {
            System.out.println("no class histogram: " + e.getMessage());
        }
    }

    private static void print(String format, Object... args) {
        System.out.println("[bench] LiveHeap " + String.format(Locale.ROOT, format, args));
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }

    private static double pct(long value, long base) {
        return 100.0 * (value - base) / base;
    }

    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, r.totalMemory() - r.freeMemory());
        }
        return used;
    }
}
