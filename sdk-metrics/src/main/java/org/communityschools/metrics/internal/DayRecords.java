package org.communityschools.metrics.internal;

/**
 * One student's attendance records at one school in one school year: day of the year (0 to 365) to a packed
 * (category ordinal, absent ten-thousandths) value, in an open-addressing table with linear probing and
 * backward-shift deletion, so that setting, replacing and removing a day's record are O(1) expected without boxing.
 * Mutable, not thread-safe.
 */
final class DayRecords {
    private static final int VALUE_BITS = 18;
    private static final int VALUE_MASK = (1 << VALUE_BITS) - 1;

    private int[] table = new int[8];
    private int size;

    /** Receives one record. */
    @FunctionalInterface
    interface Visitor {
        void visit(int dayOfYear, int category, int absentUnits);
    }

    static int pack(int category, int absentUnits) {
        return category << 14 | absentUnits;
    }

    private int home(int day) {
        return (day * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(table.length));
    }

    /** Sets the record of {@code day} (0 to 365) to category and absent units (at most 10,000). */
    void put(int day, int category, int absentUnits) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int entry = (day + 1) << VALUE_BITS | pack(category, absentUnits);
        int mask = table.length - 1;
        for (int i = home(day); ; i = (i + 1) & mask) {
            int t = table[i];
            if (t == 0) {
                table[i] = entry;
                size++;
                return;
            }
            if ((t >>> VALUE_BITS) == day + 1) {
                table[i] = entry;
                return;
            }
        }
    }

    /** Removes the record of {@code day}; returns whether there was one. */
    boolean remove(int day) {
        int mask = table.length - 1;
        int i = home(day);
        while (true) {
            int t = table[i];
            if (t == 0) {
                return false;
            }
            if ((t >>> VALUE_BITS) == day + 1) {
                break;
            }
            i = (i + 1) & mask;
        }
        table[i] = 0;
        size--;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int k = home((table[j] >>> VALUE_BITS) - 1);
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    void forEach(Visitor v) {
        for (int t : table) {
            if (t != 0) {
                int value = t & VALUE_MASK;
                v.visit((t >>> VALUE_BITS) - 1, value >>> 14, value & 0x3FFF);
            }
        }
    }

    DayRecords copy() {
        DayRecords c = new DayRecords();
        c.table = table.clone();
        c.size = size;
        return c;
    }

    private void grow() {
        int[] old = table;
        table = new int[old.length * 2];
        size = 0;
        for (int t : old) {
            if (t != 0) {
                int value = t & VALUE_MASK;
                put((t >>> VALUE_BITS) - 1, value >>> 14, value & 0x3FFF);
            }
        }
    }
}
