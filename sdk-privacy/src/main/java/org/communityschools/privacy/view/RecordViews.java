package org.communityschools.privacy.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.communityschools.core.data.DistrictData;
import org.communityschools.privacy.disclosure.Disclosure;
import org.communityschools.privacy.disclosure.DisclosureEntry;
import org.communityschools.privacy.disclosure.DisclosureSink;
import org.communityschools.privacy.internal.disclosure.DigestOutput;
import org.communityschools.privacy.internal.disclosure.LogCodec;
import org.communityschools.privacy.policy.Decision;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * Releases student record views as JSON (Jackson 3): the one path that turns district data and a {@link Decision}
 * into the text a requester receives, with only the permitted fields and records in scope (FERPA 34 CFR 99.31(a)(1);
 * fail closed as described in {@link StudentRecordView}), after recording the disclosure (34 CFR 99.32). There is no
 * way to write a view without recording it: no serializer, no tree. Stateless and thread-safe.
 */
public final class RecordViews {
    /** A generator that writes compactly. */
    private static final ObjectWriteContext COMPACT = ObjectWriteContext.empty();
    /** A generator that indents as Jackson's default pretty printer (a new printer per text: it keeps its depth). */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }
    };

    private RecordViews() {}

    /**
     * Builds the view of {@code decision}'s student in {@code data}, records its disclosure in {@code sink} and returns
     * the compact JSON ({@code {}} when nothing is permitted).
     *
     * @param data the district data
     * @param decision the decision
     * @param sink the disclosure log
     * @return the JSON and its disclosures
     */
    public static DisclosedView disclose(DistrictData data, Decision decision, DisclosureSink sink) {
        return StudentRecordView.of(data, decision).disclose(sink);
    }

    static DisclosedView disclose(StudentRecordView view, DisclosureSink sink, boolean pretty) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(sink, "sink");
        // written once as UTF-8 bytes, hashed as they are written: the digest covers those bytes, and the text is
        // decoded from them (the same text as writing to a String, without a second encoding for the digest)
        DigestOutput out = DigestOutput.keeping();
        // straight to a generator of the factory: the view needs no serialization context (one per text otherwise)
        try (JsonGenerator g = out.generator(pretty ? PRETTY : COMPACT)) {
            view.body().write(g);
        }
        String digest = "sha256:" + out.hexDigest();
        String json = out.text();
        if (view.shownFields().isEmpty()) {
            return new DisclosedView(json, List.of());
        }
        List<Disclosure> entries = view.disclosures(digest);
        List<DisclosureEntry> appended = sink.appendAll(entries);
        return new DisclosedView(json, appended);
    }

    /**
     * {@code sha256:} and the lower-case hex SHA-256 of the UTF-8 bytes of {@code text}.
     *
     * @param text the text
     * @return the digest
     */
    public static String sha256(String text) {
        return "sha256:" + LogCodec.hex(LogCodec.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }


}
