package org.communityschools.spark;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.communityschools.spark.internal.SparkLoader;

/**
 * Reads a district data directory into Spark: the CSV files of docs/data-directory.md, or Parquet tables with the
 * same columns (named like the files, {@code attendance.parquet} for {@code attendance.csv}, any column types that
 * cast to the CSV text). Every row is checked with the core reader's rules and rule codes
 * (docs/data-directory-rules.md, sdk-core {@code DistrictDataReader}) and every violation is collected in
 * {@link SparkDistrictData#violations()}, not thrown one at a time; the rows that break a rule are left out, as in the
 * core reader's lenient mode. {@link SparkDistrictData#requireValid()} is the strict mode: it refuses to go on when
 * any rule is broken. The small reference files (organizations, schools, partnerships) are read on the driver by the
 * core reader itself; the large ones on the executors. Differences from the core reader (docs/spark.md): lines are
 * read one by one, so a quoted cell holding a line break is {@code file.malformed} at its row (the core stops reading
 * the file); {@code enrollment.no-overlap-at-school} and the Jakarta constraints of the large files are not checked;
 * behavior, course marks, staff, interventions, consents and agreements are not read (the metrics do not need them).
 * Immutable and thread-safe; a read is lazy until an action runs.
 */
public final class SparkDistrictReader {
    /** The file format of the directory. */
    public enum Format {
        /** The CSV files of the district data directory. */
        CSV,
        /** Parquet tables named like the files ({@code attendance.parquet}), with the same column names. */
        PARQUET
    }

    private final SparkSession spark;
    private final Format format;

    private SparkDistrictReader(SparkSession spark, Format format) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * {@return a reader of {@code format} directories in {@code spark}}
     *
     * @param spark the session to read with
     * @param format the files' format
     */
    public static SparkDistrictReader of(SparkSession spark, Format format) {
        return new SparkDistrictReader(spark, format);
    }

    /**
     * {@return a reader of CSV directories}
     *
     * @param spark the session to read with
     */
    public static SparkDistrictReader csv(SparkSession spark) {
        return of(spark, Format.CSV);
    }

    /**
     * {@return a reader of Parquet directories}
     *
     * @param spark the session to read with
     */
    public static SparkDistrictReader parquet(SparkSession spark) {
        return of(spark, Format.PARQUET);
    }

    /**
     * Reads the directory at {@code path} (any Hadoop file system: a local path, {@code hdfs://}, {@code s3a://},
     * {@code dbfs:/}). The reference files are read now; the large tables when an action runs.
     *
     * @param path the directory's path or URI
     * @return the data, with the rule violations found as a Dataset of their own
     */
    public SparkDistrictData read(String path) {
        return new SparkLoader(spark, Objects.requireNonNull(path, "path"), format == Format.PARQUET).load();
    }
}
