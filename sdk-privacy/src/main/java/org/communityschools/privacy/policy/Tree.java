package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A JSON or YAML document as a tree whose every node knows its JSON pointer and its position in the source, so that
 * validation problems can say where they are. Jackson's own tree model drops positions, so this small one is built
 * from the token stream.
 */
final class Tree {
    sealed interface Node permits Obj, Arr, Scalar {
        String pointer();

        String position();

        default String kind() {
            return this instanceof Obj ? "a mapping" : this instanceof Arr ? "a list" : "a value";
        }
    }

    record Obj(String pointer, String position, Map<String, Node> members) implements Node {}

    record Arr(String pointer, String position, List<Node> items) implements Node {}

    /** A scalar; {@code text} is null for an explicit null. */
    record Scalar(String pointer, String position, @Nullable String text, JsonToken token) implements Node {}

    private static final Pattern YAML_MARK = Pattern.compile(" in reader, line (\\d+), column (\\d+):");

    private Tree() {}

    /**
     * Reads the one document of {@code text}, refusing the text as a whole when it is empty, holds more than one
     * document or anything after the first, or uses YAML's tags, anchors or aliases, or gives a key twice in a mapping.
     * A byte order mark at the start is ignored (YAML 1.2 section 5.2; RFC 8259 section 8.1 lets JSON parsers ignore
     * it).
     *
     * @throws PolicyValidationException listing those problems, each located and coded
     */
    static Node document(ObjectMapper mapper, String text, String source) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<PolicyProblem> problems = new ArrayList<>();
        Node root;
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new PolicyValidationException(List.of(new PolicyProblem(source + ":1:1 /", "empty-document",
                        "the policy file holds no document")));
            }
            root = node(parser, "", source, problems);
            if (root instanceof Scalar s && s.token() == JsonToken.VALUE_NULL) {
                throw new PolicyValidationException(List.of(new PolicyProblem(root.position() + " /", "empty-document",
                        "the policy document is empty")));
            }
            try {
                JsonToken next = parser.nextToken();
                if (next != null) {
                    problems.add(new PolicyProblem(position(source, parser.currentTokenLocation()) + " /", "one-document",
                            "a policy file holds exactly one document; another document starts here, and a policy is "
                                    + "never read in part"));
                }
            } catch (JacksonException e) {
                problems.add(new PolicyProblem(at(source, e) + " /", "one-document", "a policy file holds exactly one "
                        + "document, and text follows it here (" + oneLine(e) + ")"));
            }
        } catch (JacksonException e) {
            throw new PolicyValidationException(List.of(new PolicyProblem(at(source, e) + " /", "not-well-formed",
                    "the policy is not well-formed: " + oneLine(e))));
        }
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return root;
    }

    /**
     * Where the parser found the problem: the YAML parser's message ends with that mark ("in reader, line 18, column 1")
     * after the mark of its context, which is the location Jackson reports; the JSON parser's location is the problem's.
     */
    private static String at(String source, JacksonException e) {
        Matcher m = YAML_MARK.matcher(String.valueOf(e.getOriginalMessage()));
        String mark = null;
        while (m.find()) {
            mark = source + ":" + m.group(1) + ":" + m.group(2);
        }
        TokenStreamLocation l = e.getLocation();
        return mark != null ? mark : l == null ? source + ":1:1" : position(source, l);
    }

    /** The parser's message on one line, without the quoted snippet of the source. */
    private static String oneLine(JacksonException e) {
        return String.join(": ", String.valueOf(e.getOriginalMessage()).lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0))).toList());
    }

    private static String position(String source, TokenStreamLocation l) {
        return source + ":" + l.getLineNr() + ":" + l.getColumnNr();
    }

    /** The YAML features that make a value other than the text written there: tags, anchors and aliases. */
    private static void yamlOnly(JsonParser p, String pos, String pointer, List<PolicyProblem> problems) {
        if (!(p instanceof YAMLParser y)) {
            return;
        }
        String where = pos + " " + (pointer.isEmpty() ? "/" : pointer);
        if (y.getRawTag() != null) {
            problems.add(new PolicyProblem(where, "no-tags", "a policy uses no YAML tags: a tag makes a value into "
                    + "something other than the text written; found tag '" + y.getRawTag() + "'"));
        }
        if (y.isCurrentAlias()) {
            problems.add(new PolicyProblem(where, "no-aliases", "a policy uses no YAML aliases: an alias repeats a "
                    + "value written elsewhere; found alias '*" + y.getString() + "'"));
        } else if (p.currentToken().isStructStart() && y.getObjectId() != null) {
            problems.add(new PolicyProblem(where, "no-aliases", "a policy uses no YAML anchors: they exist only for "
                    + "aliases; found anchor '&" + y.getObjectId() + "'"));
        }
    }

    private static Node node(JsonParser p, String pointer, String source, List<PolicyProblem> problems) {
        String pos = position(source, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        yamlOnly(p, pos, pointer, problems);
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> members = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                String keyPos = position(source, p.currentTokenLocation());
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                yamlOnly(p, keyPos, child, problems);
                p.nextToken();
                Node value = node(p, child, source, problems);
                if (members.putIfAbsent(name, value) != null) {
                    problems.add(new PolicyProblem(keyPos + " " + child, "duplicate-key", "a key is given at most once "
                            + "per mapping; duplicate: '" + name + "'"));
                }
            }
            return new Obj(pointer, pos, members);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p, pointer + "/" + items.size(), source, problems));
            }
            return new Arr(pointer, pos, items);
        }
        return new Scalar(pointer, pos, t == JsonToken.VALUE_NULL ? null : p.getString(), t);
    }
}
