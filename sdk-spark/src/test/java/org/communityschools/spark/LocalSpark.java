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
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
