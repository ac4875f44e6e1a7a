package org.communityschools.core.synth;

import java.nio.file.Path;
import java.util.Objects;
import org.communityschools.core.internal.synth.CityGenerator;
import org.communityschools.core.model.SchoolYear;

/**
 * A seeded generator of a synthetic but realistic district data directory (docs/data-directory.md,
 * docs/synthetic-city.md). Immutable and thread-safe; {@link #writeTo(Path)} may be called several times.
 *
 * <pre>{@code
 * GenerationSummary summary = SyntheticCity.builder()
 *         .preset(Preset.TINY)
 *         .seed(42)
 *         .years(SchoolYear.of(2015), SchoolYear.of(2018))
 *         .build()
 *         .writeTo(dir);
 * }</pre>
 *
 * <p>The same settings always give byte-identical files: every school and every student draws from its own {@link
 * java.util.SplittableRandom} derived from the seed, so the result does not depend on iteration order or threads.
 * The output streams to disk: memory stays bounded by the school and staff tables (and at most four flagged students
 * per community school and meeting, for the school-team meetings), whatever the preset. The data are invented; names
 * come from small embedded lists and no real person is described.
 *
 * <p>Each community school's team meets every four school weeks ({@code meetings.csv}, {@code agenda_items.csv},
 * {@code action_steps.csv}): agendas from the students whose early-warning flags were newly raised and the follow-ups
 * due, steps owned by the team. The meetings draw from their own random stream, so every other file is the same with
 * or without them.
 *
 * <p>Besides the generated years, the directory holds high-school enrollments in the four <em>history years</em>
 * before the first one (enrollments only: no calendar, attendance or partnership there), including the students of
 * the last three history cohorts who left before the first year, so that the adjusted cohort graduation rate (34 CFR
 * 200.19(b)) is complete for every cohort whose fourth year is generated.
 */
public final class SyntheticCity {
    private final Preset preset;
    private final long seed;
    private final SchoolYear firstYear;
    private final SchoolYear lastYear;
    private final double scale;

    private SyntheticCity(Builder b) {
        this.preset = b.preset == null ? Preset.TINY : b.preset;
        this.seed = b.seed == null ? 1L : b.seed;
        this.firstYear = b.firstYear == null ? SchoolYear.of(2015) : b.firstYear;
        this.lastYear = b.lastYear == null ? SchoolYear.of(2018) : b.lastYear;
        this.scale = b.scale == null ? 1.0 : b.scale;
    }

    /** {@return a new builder; every setting is optional and may be set once} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates the city and writes it into {@code dir} (created when absent; it must not already hold district data
     * files).
     *
     * @param dir the directory to write into
     * @return the rows written per file and the elapsed time
     * @throws java.io.UncheckedIOException when writing fails
     */
    public GenerationSummary writeTo(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return new CityGenerator(preset, seed, firstYear, lastYear, scale).writeTo(dir);
    }

    /** {@return the preset; {@link Preset#TINY} by default} */
    public Preset preset() {
        return preset;
    }

    /** {@return the master seed; 1 by default} */
    public long seed() {
        return seed;
    }

    /** {@return the first school year generated; 2015 (2014-15) by default} */
    public SchoolYear firstYear() {
        return firstYear;
    }

    /** {@return the last school year generated; 2018 (2017-18) by default} */
    public SchoolYear lastYear() {
        return lastYear;
    }

    /** {@return the multiplier of the number of students per school; 1 by default} */
    public double scale() {
        return scale;
    }

    /** A set-once builder of {@link SyntheticCity}. Not thread-safe. */
    public static final class Builder {
        private Preset preset;
        private Long seed;
        private SchoolYear firstYear;
        private SchoolYear lastYear;
        private Double scale;

        private Builder() {}

        /**
         * The size of city; {@link Preset#TINY} by default.
         *
         * @param preset the size of city
         * @return this builder
         */
        public Builder preset(Preset preset) {
            Objects.requireNonNull(preset, "preset");
            if (this.preset != null) {
                throw new IllegalStateException("preset was already set to " + this.preset);
            }
            this.preset = preset;
            return this;
        }

        /**
         * The master seed from which every random draw derives; 1 by default.
         *
         * @param seed the master seed from which every random draw derives
         * @return this builder
         */
        public Builder seed(long seed) {
            if (this.seed != null) {
                throw new IllegalStateException("seed was already set to " + this.seed);
            }
            this.seed = seed;
            return this;
        }

        /**
         * The school years to generate, both included; 2015 to 2018 by default. At most 12 years, for the
         * simulation follows a student through one school career. High-school enrollments also reach four years
         * back (the history years, see the class description).
         *
         * @param first the first school year
         * @param last the last school year
         * @return this builder
         */
        public Builder years(SchoolYear first, SchoolYear last) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (this.firstYear != null) {
                throw new IllegalStateException("years were already set to " + firstYear + "-" + lastYear);
            }
            if (last.compareTo(first) < 0) {
                throw new IllegalArgumentException("the last school year must not be before the first: " + first + " > " + last);
            }
            if (last.endYear() - first.endYear() >= 12) {
                throw new IllegalArgumentException("at most 12 school years are generated, was " + first + "-" + last);
            }
            this.firstYear = first;
            this.lastYear = last;
            return this;
        }

        /**
         * Multiplies the number of students per school (not the number of schools), for example 0.1 for a quick
         * district-shaped test; 1 by default. Must be above 0 and at most 10.
         *
         * @param scale the factor, above 0 and at most 10
         * @return this builder
         */
        public Builder scale(double scale) {
            if (this.scale != null) {
                throw new IllegalStateException("scale was already set to " + this.scale);
            }
            if (!(scale > 0 && scale <= 10)) {
                throw new IllegalArgumentException("scale must be above 0 and at most 10, was " + scale);
            }
            this.scale = scale;
            return this;
        }

        /** {@return the generator with these settings} */
        public SyntheticCity build() {
            return new SyntheticCity(this);
        }
    }
}
