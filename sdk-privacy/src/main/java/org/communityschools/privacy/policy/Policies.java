package org.communityschools.privacy.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.communityschools.privacy.FieldCatalog;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads policies from YAML or JSON (the format of docs/privacy-policy.md) and gives the shipped default policy. Every
 * load validates the whole document (see {@link Policy}) and refuses it with a {@link PolicyValidationException} whose
 * problems are located as {@code source:line:column /json/pointer} and coded by the rule they break. A file is read
 * whole or refused: it holds exactly one document (nothing after it but whitespace and comments), uses none of YAML's
 * tags, anchors or aliases, and a forbid rule's {@code purposes}, when given, are not empty. Thread-safe; holds no
 * state.
 */
public final class Policies {
    /** The classpath resource of the default policy. */
    public static final String DEFAULT_RESOURCE = "/org/communityschools/privacy/policy/community-schools-default.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Policies() {}

    /**
     * The SDK's default policy for the community-schools model (docs/privacy-policy.md has it as a table), over the
     * default catalog.
     *
     * @return the default policy
     */
    public static Policy defaultPolicy() {
        return Holder.DEFAULT;
    }

    private static final class Holder {
        static final Policy DEFAULT = loadDefault();

        private static Policy loadDefault() {
            try (InputStream in = Policies.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default policy resource is missing: " + DEFAULT_RESOURCE);
                }
                return parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "community-schools-default.yaml",
                        FieldCatalog.defaultCatalog());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Loads a policy file over the default catalog: JSON when the name ends in {@code .json}, YAML when it ends in
     * {@code .yaml} or {@code .yml}, otherwise JSON when the text starts with <code>{</code> and YAML when it does not.
     * Problems are located by the path as given ({@code policies/district.yaml:12:5 /rules/2/purposes}).
     *
     * @param file the policy file
     * @return the policy
     * @throws PolicyValidationException when the file is not a valid policy
     * @throws UncheckedIOException      when the file cannot be read
     */
    public static Policy load(Path file) {
        return load(file, FieldCatalog.defaultCatalog());
    }

    /**
     * Loads a policy file over {@code catalog}; see {@link #load(Path)}.
     *
     * @param file the policy file
     * @param catalog the field catalog the policy grants fields of
     * @return the policy
     */
    public static Policy load(Path file, FieldCatalog catalog) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        }
        return isJson(file, text) ? parseJson(text, file.toString(), catalog) : parseYaml(text, file.toString(), catalog);
    }

    private static boolean isJson(Path file, String text) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return false;
        }
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading().startsWith("{");
    }

    /**
     * Parses a YAML policy; {@code source} names it in problem locations.
     *
     * @param text the policy, as YAML
     * @param source the name of the policy in problem locations, such as a file name
     * @param catalog the field catalog the policy grants fields of
     * @return the policy
     */
    public static Policy parseYaml(String text, String source, FieldCatalog catalog) {
        return PolicyReader.read(YAML, Objects.requireNonNull(text, "text"), Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(catalog, "catalog"));
    }

    /**
     * Parses a JSON policy; {@code source} names it in problem locations.
     *
     * @param text the policy, as JSON
     * @param source the name of the policy in problem locations, such as a file name
     * @param catalog the field catalog the policy grants fields of
     * @return the policy
     */
    public static Policy parseJson(String text, String source, FieldCatalog catalog) {
        return PolicyReader.read(JSON, Objects.requireNonNull(text, "text"), Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(catalog, "catalog"));
    }
}
