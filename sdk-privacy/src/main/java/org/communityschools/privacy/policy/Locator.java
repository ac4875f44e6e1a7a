package org.communityschools.privacy.policy;

import java.util.List;
import java.util.Map;

/** Names where a policy attribute is: a file position for a loaded policy, a rule index and id for a built one. */
interface Locator {
    /** A top-level attribute ({@code id}, {@code purposes}, ...), or element {@code j} of it when {@code j >= 0}. */
    String top(String attribute, int j);

    /** Attribute of rule {@code i}, or element {@code j} of it when {@code j >= 0}; the whole rule for attribute "". */
    String rule(int i, String attribute, int j);

    /** Attribute of the emergency section ({@code roles}, {@code fields}), or element {@code j} of it when {@code j >= 0}. */
    String emergency(String attribute, int j);

    static Locator forJava(List<Rule> rules) {
        return new Locator() {
            @Override
            public String top(String attribute, int j) {
                return attribute + (j >= 0 ? "[" + j + "]" : "");
            }

            @Override
            public String rule(int i, String attribute, int j) {
                String r = "rules[" + i + "] '" + rules.get(i).id() + "'";
                return attribute.isEmpty() ? r : r + " " + attribute + (j >= 0 ? "[" + j + "]" : "");
            }

            @Override
            public String emergency(String attribute, int j) {
                return "emergency." + attribute + (j >= 0 ? "[" + j + "]" : "");
            }
        };
    }

    /** Locations from a map of JSON pointers to {@code source:line:column}; the nearest enclosing pointer is used. */
    static Locator forFile(Map<String, String> positions) {
        return new Locator() {
            private String at(String pointer) {
                String p = pointer;
                while (true) {
                    String pos = positions.get(p);
                    if (pos != null) {
                        return pos + " " + (pointer.isEmpty() ? "/" : pointer);
                    }
                    if (p.isEmpty()) {
                        return "(unknown position) " + pointer;
                    }
                    p = p.substring(0, p.lastIndexOf('/'));
                }
            }

            @Override
            public String top(String attribute, int j) {
                return at("/" + attribute + (j >= 0 ? "/" + j : ""));
            }

            @Override
            public String rule(int i, String attribute, int j) {
                return at("/rules/" + i + (attribute.isEmpty() ? "" : "/" + attribute + (j >= 0 ? "/" + j : "")));
            }

            @Override
            public String emergency(String attribute, int j) {
                return at("/emergency/" + attribute + (j >= 0 ? "/" + j : ""));
            }
        };
    }
}
