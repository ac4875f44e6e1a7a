package org.communityschools.benchmarks;

import org.communityschools.core.data.DistrictData;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The loaded district of one preset ({@code -p preset=district|nyc|tiny}), shared by every thread of a trial. */
@State(Scope.Benchmark)
public class CityState {
    /** The {@link org.communityschools.core.synth.Preset}, lower case. */
    @Param({"district"})
    public String preset;

    /** The loaded data (read-only after setup). */
    public DistrictData data;

    /** Generates when needed and loads, outside the timed methods. */
    @Setup(Level.Trial)
    public void load() {
        data = City.load(preset);
    }
}
