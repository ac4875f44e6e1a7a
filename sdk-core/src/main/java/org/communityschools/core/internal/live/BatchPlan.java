package org.communityschools.core.internal.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.Severity;
import org.communityschools.core.data.Violation;
import org.communityschools.core.live.Change;
import org.communityschools.core.live.ChangeBatch;
import org.communityschools.core.live.RecordKey;

/**
 * A batch's changes by file and key, after the rules of the change model itself: a key appears once in a batch
 * ({@code change.repeated-key}) and a delete names an existing record ({@code change.unknown-key}). Not thread-safe.
 */
final class BatchPlan {
    /** Rule: a key appears once in a batch. */
    static final String REPEATED_KEY = "change.repeated-key";
    /** Rule: a delete names an existing record. */
    static final String UNKNOWN_KEY = "change.unknown-key";

    final ChangeBatch batch;
    private @org.jspecify.annotations.Nullable Map<DataFile, LinkedHashMap<RecordKey, Integer>> byFile;
    final List<Violation> violations = new ArrayList<>();

    BatchPlan(ChangeBatch batch, DistrictData data) {
        this.batch = batch;
        Map<RecordKey, Integer> first = new HashMap<>(Math.max(16, batch.changes().size() * 2));
        List<Change> changes = batch.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            Integer earlier = first.putIfAbsent(c.key(), i);
            if (earlier != null) {
                violations.add(new Violation(Severity.ERROR, c.origin().source(), c.origin().position(), 0,
                        Optional.empty(), Optional.of(c.key().values().toString()), REPEATED_KEY,
                        "a key may appear once in a batch; " + c.key() + " is already changed at " + changes.get(earlier).origin()));
                continue;
            }
            if (c instanceof Change.Delete && Records.withKey(data, c.key()).isEmpty()) {
                violations.add(new Violation(Severity.ERROR, c.origin().source(), c.origin().position(), 0,
                        Optional.empty(), Optional.of(c.key().values().toString()), UNKNOWN_KEY,
                        "a delete must name an existing record; " + c.key() + " is not there"));
                continue;
            }
        }
    }

    /** The changes of {@code file}: key to index in the batch, in batch order (grouped when first asked: only a rebuild asks). */
    Map<RecordKey, Integer> changes(DataFile file) {
        if (byFile == null) {
            byFile = new EnumMap<>(DataFile.class);
            List<Change> changes = batch.changes();
            for (int i = 0; i < changes.size(); i++) {
                byFile.computeIfAbsent(changes.get(i).key().file(), f -> new LinkedHashMap<>()).put(changes.get(i).key(), i);
            }
        }
        Map<RecordKey, Integer> m = byFile.get(file);
        return m == null ? Map.of() : m;
    }

    /** Change {@code i}. */
    Change change(int i) {
        return batch.changes().get(i);
    }
}
