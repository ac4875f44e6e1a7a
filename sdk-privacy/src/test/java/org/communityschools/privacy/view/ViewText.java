package org.communityschools.privacy.view;

import org.communityschools.privacy.disclosure.DisclosureLogs;
import org.communityschools.privacy.disclosure.DisclosureSink;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The text of views and filtered records in tests: released through an in-memory disclosure log, as any host must. */
public final class ViewText {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ViewText() {}

    /** The compact JSON of {@code view}, disclosed to a fresh in-memory log. */
    public static String json(StudentRecordView view) {
        try (DisclosureSink sink = DisclosureLogs.inMemory()) {
            return view.disclose(sink).json();
        }
    }

    /** The view as a tree, disclosed to a fresh in-memory log. */
    public static ObjectNode tree(StudentRecordView view) {
        return (ObjectNode) MAPPER.readTree(json(view));
    }

    /** The filtered JSON of one record ({@code {}} when nothing of it may be written). */
    public static String json(RecordFilter filter, Object record) {
        ObjectNode o = tree(filter, record);
        return MAPPER.writeValueAsString(o);
    }

    /** The filtered tree of one record (empty when nothing of it may be written). */
    public static ObjectNode tree(RecordFilter filter, Object record) {
        try (DisclosureSink sink = DisclosureLogs.inMemory()) {
            ArrayNode a = (ArrayNode) MAPPER.readTree(filter.disclose(java.util.List.of(record), sink).json());
            return a.isEmpty() ? MAPPER.createObjectNode() : (ObjectNode) a.get(0);
        }
    }
}
