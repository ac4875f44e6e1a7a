package org.communityschools.privacy.view;

import java.io.Writer;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.privacy.policy.Decision;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes student record views as JSON (Jackson 3): the one call that turns district data and a {@link Decision} into
 * the text a requester receives, with only the permitted fields (FERPA 34 CFR 99.31(a)(1); fail closed as described in
 * {@link StudentRecordView}). Stateless and thread-safe.
 */
public final class RecordViews {
    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(module()).build();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private RecordViews() {}

    /**
     * A Jackson module that writes a {@link StudentRecordView} as its JSON object, so that views can be written by any
     * mapper, for instance inside a larger response: {@code JsonMapper.builder().addModule(RecordViews.module())}.
     * Views are write-only: there is no deserializer. Thread-safe.
     */
    public static JacksonModule module() {
        SimpleModule m = new SimpleModule("CommunitySchoolsRecordViews");
        m.addSerializer(StudentRecordView.class, new ValueSerializer<StudentRecordView>() {
            @Override
            public void serialize(StudentRecordView view, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeTree(view.tree());
            }
        });
        return m;
    }

    /** An {@link ObjectWriter} for {@link StudentRecordView} values (compact JSON); immutable and thread-safe. */
    public static ObjectWriter writer() {
        return COMPACT;
    }

    /** The JSON text of the view of {@code decision}'s student in {@code data}: {@code {}} when nothing is permitted. */
    public static String toJson(DistrictData data, Decision decision) {
        return toJson(StudentRecordView.of(data, decision));
    }

    /** The compact JSON text of {@code view}. */
    public static String toJson(StudentRecordView view) {
        Objects.requireNonNull(view, "view");
        return COMPACT.writeValueAsString(view.tree());
    }

    /** The indented JSON text of {@code view}, for people. */
    public static String toPrettyJson(StudentRecordView view) {
        Objects.requireNonNull(view, "view");
        return PRETTY.writeValueAsString(view.tree());
    }

    /** Writes the compact JSON of {@code view} to {@code out}; throws {@link tools.jackson.core.JacksonException}. */
    public static void write(StudentRecordView view, Writer out) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(out, "out");
        COMPACT.writeValue(out, view.tree());
    }
}
