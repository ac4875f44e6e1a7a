/**
 * The SDK on Apache Spark, for state and national data (docs/spark.md). Start at {@link
 * org.communityschools.spark.SparkDistrictReader}: it reads a district data directory (CSV, or Parquet tables with
 * the same columns) into typed Datasets with the core reader's rules and rule codes, collecting every violation;
 * {@link org.communityschools.spark.SparkChronicAbsence} and {@link org.communityschools.spark.SparkGraduationRate}
 * compute chronic absence, attendance rates and the ACGR with sdk-metrics' own calculations inside Spark
 * {@code Aggregator}s, so every figure equals the single-machine calculator's; {@link
 * org.communityschools.spark.SparkPublication} protects the results with sdk-privacy's {@code TableProtector} before
 * they are written; {@link org.communityschools.spark.SparkMetricsMain} runs all of it locally or under
 * {@code spark-submit}. Spark is a provided dependency: the cluster brings it. This module runs on the class path
 * (Spark does), so it has no module descriptor.
 */
@NullMarked
package org.communityschools.spark;

import org.jspecify.annotations.NullMarked;
