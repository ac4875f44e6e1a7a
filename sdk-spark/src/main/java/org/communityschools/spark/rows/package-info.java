/**
 * The rows of the Spark Datasets: the district data directory's tables as the metrics need them, the violations of
 * the Spark reader, and the aggregated results. Mutable JavaBeans, because Spark's bean encoder needs them (fields
 * documented as "or null" may be null); each converts to and from the SDK's immutable type where there is one.
 */
package org.communityschools.spark.rows;
