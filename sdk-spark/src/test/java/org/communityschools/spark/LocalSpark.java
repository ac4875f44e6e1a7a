package org.communityschools.spark;

import org.apache.spark.sql.SparkSession;

/** One {@code local[2]} Spark session for every test class of the module (Spark allows one context per JVM). */
final class LocalSpark {
    private LocalSpark() {}

    static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("sdk-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                // small data: interpreting beats compiling generated code (Spark's own tests use these switches)
                .config("spark.sql.codegen.wholeStage", "false")
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
