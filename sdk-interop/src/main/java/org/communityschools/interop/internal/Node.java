package org.communityschools.interop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One XML element (or JSON property, see {@link JsonRecords}) of an Ed-Fi record, with its position in the file (1-based line and column where the start tag
 * ended, as StAX reports it), its attributes, child elements and text. Built for one top-level record at a time, so
 * that a file of any size streams. Mutable while built, then only read.
 */
public final class Node {
    private final String file;
    private final String name;
    private final String label;
    private final int line;
    private final int column;
    private final Map<String, String> attributes;
    private final List<Node> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Node(String file, String name, int line, int column, Map<String, String> attributes) {
        this(file, name, name, line, column, attributes);
    }

    /**
     * A node whose violations name {@code label} instead of its element name (a JSON record's pointer, such as
     * {@code /12/studentReference/studentUniqueId}).
     */
    Node(String file, String name, String label, int line, int column, Map<String, String> attributes) {
        this.file = file;
        this.name = name;
        this.label = label;
        this.line = Math.max(line, 0);
        this.column = Math.max(column, 0);
        this.attributes = attributes;
    }

    void addChild(Node child) {
        children.add(child);
    }

    void appendText(String s) {
        text.append(s);
    }

    /** The length of the text appended so far. */
    int textLength() {
        return text.length();
    }

    /**
     * A node's position, kept instead of the node by records that live until the end of the import.
     *
     * @param file    the file name
     * @param line    1-based line
     * @param column  1-based column
     * @param element the element's name (for a JSON record, its JSON pointer)
     */
    public record At(String file, int line, int column, String element) {}

    /** This node's position. */
    public At at() {
        return new At(file, line, column, label);
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The element's local name. */
    public String name() {
        return name;
    }

    /** What a violation names as its field: the element's name, or for a JSON record the JSON pointer. */
    public String label() {
        return label;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }

    /** An attribute's value. */
    public Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** The stripped text, empty when blank. */
    public Optional<String> text() {
        String s = text.toString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The first child of that name. */
    public Optional<Node> child(String childName) {
        for (Node c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every child of that name, in order. */
    public List<Node> children(String childName) {
        List<Node> out = new ArrayList<>();
        for (Node c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Follows a path of child names. */
    public Optional<Node> path(String... names) {
        Optional<Node> n = Optional.of(this);
        for (String s : names) {
            n = n.flatMap(x -> x.child(s));
        }
        return n;
    }

    /** The first descendant (depth first, this node excluded) of that name. */
    public Optional<Node> find(String descendant) {
        for (Node c : children) {
            if (c.name.equals(descendant)) {
                return Optional.of(c);
            }
            Optional<Node> deeper = c.find(descendant);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }
}
