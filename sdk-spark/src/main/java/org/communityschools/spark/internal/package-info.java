/**
 * The implementation of sdk-spark: the executor-side row parser, the loader and its cross-record checks, the events
 * of a student, and the Spark {@code Aggregator}s that wrap sdk-metrics' calculations. Not part of the API.
 */
@NullMarked
package org.communityschools.spark.internal;

import org.jspecify.annotations.NullMarked;
