/**
 * Implementation of the district data directory reader: streaming CSV rows ({@code CsvRows}), field rules
 * ({@code Cells}), cross-record rules ({@code Assembler}, with {@code References}, {@code Placements} and
 * {@code AttendanceRules}), and attendance.csv read on every core ({@code AttendanceReader},
 * {@code AttendanceChunk}) with the same result as one row at a time. Not exported.
 */
@NullMarked
package org.communityschools.core.internal.read;

import org.jspecify.annotations.NullMarked;
