package org.communityschools.privacy.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.communityschools.privacy.disclosure.DisclosureEntry;

/**
 * The bytes of a {@link StudentRecordView} as released, with the entries of the disclosure log that record them. It
 * exists only after the entries were appended ({@link StudentRecordView#disclose}): record first, then show
 * (34 CFR 99.32). Each entry lists exactly what the text holds: the fields written under its authority, how many
 * records of each, the masks applied, and {@code sha256:} of {@link #utf8()}. Immutable and thread-safe.
 *
 * @param json    the JSON text released ({@code {}} when nothing is shown)
 * @param entries the log entries appended before the text was released; none when nothing is shown
 */
public record DisclosedView(String json, List<DisclosureEntry> entries) {
    /**
     * Checks that nothing is missing and copies the entries.
     *
     * @param json the JSON text released ({@code {}} when nothing is shown)
     * @param entries the log entries appended before the text was released; none when nothing is shown
     */
    public DisclosedView {
        Objects.requireNonNull(json, "json");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** {@return the released text as UTF-8 bytes: the bytes the entries' digest covers} */
    public byte[] utf8() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Sizes only: the text is personal data. */
    @Override
    public String toString() {
        return "DisclosedView[" + json.length() + " characters, " + entries.size() + " log entries]";
    }
}
