package org.communityschools.interop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.communityschools.core.data.ReadLimits;
import org.communityschools.core.data.Severity;

/**
 * Streams the records of one Ed-Fi interchange file: every child element of the root whose name is wanted is built as
 * a small {@link Node} tree and handed to a consumer, then dropped; unwanted records are skipped without being built.
 * Uses the JDK's StAX parser with DTDs and external entities refused (XXE): a file with a DOCTYPE is reported as
 * {@code xml.dtd-refused} and not read, so no entity is ever declared or expanded; XInclude is not processed (an
 * {@code xi:include} element is an unknown element, skipped). A file that is not well-formed XML is reported once as
 * {@code xml.malformed} at the line and column where parsing stopped; the records before it were already consumed.
 * The {@link ReadLimits} bound the file's bytes ({@code limit.file-size}), the nesting of elements
 * ({@code limit.depth}) and the characters of a text or attribute value in a record ({@code limit.cell-size}); text
 * is read in chunks (not coalesced), so a huge text node is refused before it is held in memory.
 */
public final class XmlRecords {
    private XmlRecords() {}

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /**
     * Reads one file.
     *
     * @param file     the file
     * @param wanted   which record (element) names to build
     * @param consumer receives each wanted record
     * @param issues   receives the file's errors
     * @return the local name of the root element, or empty when the file could not be read
     */
    public static Optional<String> read(Path file, Predicate<String> wanted, Consumer<Node> consumer, Issues issues,
                                        ReadLimits limits) {
        String name = file.getFileName().toString();
        XMLInputFactory f = factory();
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > limits.maxFileBytes()) {
                issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "limit.file-size", "a file may have at most "
                        + limits.maxFileBytes() + " bytes (limit maxFileBytes); this one has " + Files.size(file) + "; it is not read");
                return Optional.empty();
            }
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                return Optional.ofNullable(readAll(r, name, wanted, consumer, issues, limits));
            } catch (XMLStreamException e) {
                Location loc = e.getLocation();
                String msg = e.getMessage() == null ? "not well-formed" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
                issues.add(Severity.ERROR, name, loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber(),
                        Optional.empty(), Optional.empty(), "xml.malformed",
                        "the file must be well-formed XML; the rest of the file is not read: " + msg.strip());
                return Optional.empty();
            } finally {
                r.close();
            }
        } catch (IOException e) {
            issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "file.unreadable",
                    "the file must be readable: " + e.getClass().getSimpleName());
            return Optional.empty();
        } catch (XMLStreamException e) {
            issues.add(Severity.ERROR, name, 0, 0, Optional.empty(), Optional.empty(), "xml.malformed",
                    "the file must be well-formed XML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void limit(XMLStreamReader r, String file, Issues issues, String rule, String message) {
        Location loc = r.getLocation();
        issues.add(Severity.ERROR, file, loc.getLineNumber(), loc.getColumnNumber(), Optional.empty(), Optional.empty(), rule,
                message + "; the rest of the file is not read");
    }

    private static String readAll(XMLStreamReader r, String file, Predicate<String> wanted, Consumer<Node> consumer,
                                  Issues issues, ReadLimits limits) throws XMLStreamException {
        String root = null;
        int depth = 0;
        Deque<Node> stack = new ArrayDeque<>();
        int skipDepth = -1;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD -> {
                    Location loc = r.getLocation();
                    issues.add(Severity.ERROR, file, loc.getLineNumber(), loc.getColumnNumber(), Optional.empty(), Optional.empty(),
                            "xml.dtd-refused", "a DOCTYPE (DTD, entity declarations) is refused to prevent XML external entity attacks; the file is not read");
                    return null;
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        limit(r, file, issues, "limit.depth", "elements may be nested at most " + limits.maxDepth()
                                + " deep (limit maxDepth)");
                        return null;
                    }
                    String local = r.getLocalName();
                    if (depth == 1) {
                        root = local;
                    } else if (skipDepth < 0) {
                        if (depth == 2 && !wanted.test(local)) {
                            skipDepth = depth;
                        } else {
                            Map<String, String> attrs = new HashMap<>(4);
                            for (int i = 0; i < r.getAttributeCount(); i++) {
                                if (r.getAttributeValue(i).length() > limits.maxCellChars()) {
                                    limit(r, file, issues, "limit.cell-size", "an attribute value may have at most "
                                            + limits.maxCellChars() + " characters (limit maxCellChars)");
                                    return null;
                                }
                                attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                            }
                            Location loc = r.getLocation();
                            Node n = new Node(file, local, loc.getLineNumber(), loc.getColumnNumber(), attrs);
                            if (!stack.isEmpty()) {
                                stack.peek().addChild(n);
                            }
                            stack.push(n);
                        }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (skipDepth < 0 && !stack.isEmpty()) {
                        if (stack.peek().textLength() + r.getTextLength() > limits.maxCellChars()) {
                            limit(r, file, issues, "limit.cell-size", "the text of an element may have at most "
                                    + limits.maxCellChars() + " characters (limit maxCellChars)");
                            return null;
                        }
                        stack.peek().appendText(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (skipDepth >= 0) {
                        if (depth == skipDepth) {
                            skipDepth = -1;
                        }
                    } else if (depth >= 2) {
                        Node n = stack.pop();
                        if (depth == 2) {
                            consumer.accept(n);
                        }
                    }
                    depth--;
                }
                default -> { }
            }
        }
        return root;
    }
}
