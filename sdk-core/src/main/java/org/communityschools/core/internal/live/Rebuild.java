package org.communityschools.core.internal.live;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.internal.index.DistrictIndex;
import org.communityschools.core.internal.read.Assembler;
import org.communityschools.core.internal.read.Where;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.RecordKey;

/**
 * Applies a batch by assembling the whole district again with the directory's rules: every record, in file order,
 * an upsert in the place of the record it replaces and a new record after the file's other records. Time and memory
 * proportional to the district; the path for changes the incremental path does not take (see {@link Incremental}).
 */
final class Rebuild {
    private Rebuild() {}

    static DistrictIndex apply(DistrictData data, BatchPlan plan, Locator locator, Assembler a) {
        Set<Object> touched = new HashSet<>();
        for (org.communityschools.core.live.Change c : plan.batch.changes()) {
            for (Object r : c instanceof Change.Upsert u ? List.of(u.record()) : Records.withKey(data, c.key())) {
                touched.add(Records.studentOf(r));
                touched.add(Records.staffOf(r));
            }
        }
        touched.remove(null);
        for (DataFile f : DataFile.values()) {
            Map<RecordKey, Integer> changes = plan.changes(f);
            Set<RecordKey> placed = new HashSet<>();
            Records.forEach(data, f, r -> {
                Integer i = changes.isEmpty() ? null : changes.get(RecordKey.of(r));
                if (i == null) {
                    boolean concerned = touched.contains(Records.studentOf(r)) || touched.contains(Records.staffOf(r));
                    a.addAny(r, concerned ? locator.existing(r) : Where.IN_CODE);
                } else if (plan.change(i) instanceof Change.Upsert u && placed.add(RecordKey.of(r))) {
                    a.addAny(u.record(), locator.change(i));
                }
            });
            for (Map.Entry<RecordKey, Integer> e : changes.entrySet()) {
                if (plan.change(e.getValue()) instanceof Change.Upsert u && !placed.contains(e.getKey())) {
                    a.addAny(u.record(), locator.change(e.getValue()));
                }
            }
            a.endOfFile(f);
        }
        return a.finish();
    }
}
