package org.communityschools.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's memory-bandwidth estimate, measured in the same run as the contenders: one thread summing a
 * {@code long[]} of {@value #MIB} MiB, far larger than any cache, sequentially. The score is milliseconds per GiB read
 * ({@code scanGiB}), which the report also prints as GiB/s. A calculation that reads a table once can at best run at
 * this speed; {@code ChronicAbsenceBatchBenchmark.memoryScan} applies it to the attendance table's own bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class MemoryBandwidthBenchmark {
    /** Size of the array in MiB. */
    static final int MIB = 256;

    long[] array;

    /** Fills the array (untimed), so that every page is mapped. */
    @Setup(Level.Trial)
    public void fill() {
        array = new long[MIB * (1 << 20) / Long.BYTES];
        for (int i = 0; i < array.length; i++) {
            array[i] = i;
        }
    }

    /** Reads 1 GiB: the array {@code 1024 / MIB} times. */
    @Benchmark
    public long scanGiB() {
        long sum = 0;
        long[] a = array;
        for (int pass = 0; pass < 1024 / MIB; pass++) {
            for (int i = 0; i < a.length; i++) {
                sum += a[i];
            }
        }
        return sum;
    }
}
