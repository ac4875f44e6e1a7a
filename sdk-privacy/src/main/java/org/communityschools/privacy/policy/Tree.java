package org.communityschools.privacy.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

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

    private Tree() {}

    /** Reads one document; a key given twice in a mapping is reported through {@code duplicates}. */
    static Node read(JsonParser parser, String source, List<PolicyProblem> duplicates) {
        JsonToken t = parser.nextToken();
        if (t == null) {
            throw new IllegalStateException("empty document");
        }
        return node(parser, "", source, duplicates);
    }

    private static String position(String source, TokenStreamLocation l) {
        return source + ":" + l.getLineNr() + ":" + l.getColumnNr();
    }

    private static Node node(JsonParser p, String pointer, String source, List<PolicyProblem> duplicates) {
        String pos = position(source, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> members = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                String keyPos = position(source, p.currentTokenLocation());
                p.nextToken();
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                Node value = node(p, child, source, duplicates);
                if (members.putIfAbsent(name, value) != null) {
                    duplicates.add(new PolicyProblem(keyPos + " " + child, "a key is given at most once per mapping; "
                            + "duplicate: '" + name + "'"));
                }
            }
            return new Obj(pointer, pos, members);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(p, pointer + "/" + items.size(), source, duplicates));
            }
            return new Arr(pointer, pos, items);
        }
        return new Scalar(pointer, pos, t == JsonToken.VALUE_NULL ? null : p.getString(), t);
    }
}
