package org.communityschools.core.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.communityschools.core.data.DataFile;
import org.communityschools.core.data.DataValidationException;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.data.DistrictDataBuilder;
import org.communityschools.core.internal.live.Records;

/**
 * The obviously correct model of the change rules: each file's records as a plain list; an upsert replaces the first
 * record with its key in place (dropping any others with it) or is appended; a delete removes every record with its
 * key and needs at least one; a key appears once a batch. The data after a batch is a fresh
 * {@code DistrictData.builder()} build of the lists (so every rule of the directory applies, from scratch).
 */
final class ReferenceModel {
    private final Map<DataFile, List<Object>> files = new EnumMap<>(DataFile.class);

    ReferenceModel(DistrictData data) {
        for (DataFile f : DataFile.values()) {
            List<Object> records = new ArrayList<>();
            Records.forEach(data, f, records::add);
            files.put(f, records);
        }
    }

    private ReferenceModel(Map<DataFile, List<Object>> files) {
        files.forEach((f, l) -> this.files.put(f, new ArrayList<>(l)));
    }

    /** The model after {@code batch}, or null when the batch breaks a rule of the change model. */
    ReferenceModel after(ChangeBatch batch) {
        ReferenceModel next = new ReferenceModel(files);
        Set<RecordKey> seen = new HashSet<>();
        for (Change c : batch.changes()) {
            if (!seen.add(c.key())) {
                return null;
            }
            List<Object> records = next.files.get(c.key().file());
            int first = -1;
            for (int i = 0; i < records.size(); i++) {
                if (RecordKey.of(records.get(i)).equals(c.key())) {
                    first = i;
                    break;
                }
            }
            if (c instanceof Change.Upsert u) {
                if (first < 0) {
                    records.add(u.record());
                } else {
                    records.set(first, u.record());
                    for (int i = records.size() - 1; i > first; i--) {
                        if (RecordKey.of(records.get(i)).equals(c.key())) {
                            records.remove(i);
                        }
                    }
                }
            } else {
                if (first < 0) {
                    return null;
                }
                records.removeIf(r -> RecordKey.of(r).equals(c.key()));
            }
        }
        return next;
    }

    /** A fresh build of the lists, or null when they break a rule of the directory. */
    DistrictData build() {
        DistrictDataBuilder b = DistrictData.builder();
        for (List<Object> records : files.values()) {
            for (Object r : records) {
                add(b, r);
            }
        }
        try {
            return b.build();
        } catch (DataValidationException e) {
            return null;
        }
    }

    private static void add(DistrictDataBuilder b, Object r) {
        try {
            var m = DistrictDataBuilder.class.getMethod("add", r.getClass());
            m.invoke(b, r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
