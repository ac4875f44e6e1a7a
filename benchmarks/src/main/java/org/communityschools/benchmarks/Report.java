package org.communityschools.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints JMH's JSON result ({@code -rf json -rff FILE}) as one line per comparison, for {@code benchmarks/run}:
 * {@code name  sdk=X unit  peer=Y unit  ratio=Y/X  (±error)}. In each benchmark class and parameter set, a method
 * {@code sdk<suffix>} is compared with {@code peer<suffix>} (line {@code Class[params].suffix}) and with every other
 * {@code <contender><suffix>} whose contender name has no underscore (line {@code Class[params].suffix.vsContender}),
 * e.g. {@code sdk} with {@code duckdb} and {@code memoryScan} (how far the SDK is from one pass over the table at
 * memory speed), {@code sdk_decide} with {@code casbin_decide}; every other method gets a line of its own (a method
 * ending in {@code GiB} timed in ms/op also as GiB/s). A ratio above 1 means the SDK took less time than the other
 * contender. The error of a score is JMH's 99.9% confidence half-width, or,
 * with fewer than three iterations (where JMH gives none), half the range of the iteration scores; the ratio's is
 * propagated from both (relative errors added in quadrature), {@code n/a} with a single iteration.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.communityschools.benchmarks.Report result.json [more.json...]</pre>
 */
public final class Report {
    private Report() {}

    private record Score(double value, double error, String unit) {
        String text() {
            return String.format(Locale.ROOT, "%s %s", number(value), unit) + (Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ±%s", number(error)));
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Report JMH_RESULT.json...");
            System.exit(2);
        }
        JsonMapper mapper = JsonMapper.builder().build();
        tools.jackson.databind.node.ArrayNode all = mapper.createArrayNode();
        for (String file : args) {
            mapper.readTree(Path.of(file).toFile()).values().forEach(all::add);
        }
        lines(all).forEach(System.out::println);
    }

    /** The report's lines for a JMH JSON result. */
    static List<String> lines(JsonNode root) {
        // class + params -> method -> score
        Map<String, Map<String, Score>> groups = new TreeMap<>();
        for (JsonNode run : root.values()) {
            String full = run.path("benchmark").asString();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            String method = full.substring(dot + 1);
            StringBuilder params = new StringBuilder();
            run.path("params").forEachEntry((k, v) -> params.append(params.length() == 0 ? "" : ",").append(k).append('=').append(v.asString()));
            JsonNode m = run.path("primaryMetric");
            double err = m.path("scoreError").isNumber() ? m.path("scoreError").asDouble() : halfRange(m.path("rawData"));
            groups.computeIfAbsent(cls + (params.length() == 0 ? "" : "[" + params + "]"), k -> new LinkedHashMap<>())
                    .put(method, new Score(m.path("score").asDouble(), err, m.path("scoreUnit").asString()));
        }
        List<String> lines = new ArrayList<>();
        groups.forEach((group, methods) -> {
            List<String> done = new ArrayList<>();
            methods.forEach((method, sdk) -> {
                if (!method.startsWith("sdk")) {
                    return;
                }
                String suffix = method.substring(3);
                String name = group + (suffix.isEmpty() ? "" : "." + suffix.replaceFirst("^_", ""));
                Score peer = methods.get("peer" + suffix);
                if (peer != null) {
                    lines.add(line(name, "peer", sdk, peer));
                    done.add(method);
                    done.add("peer" + suffix);
                }
                methods.forEach((other, score) -> {
                    if (other.startsWith("sdk") || other.startsWith("peer") || !other.endsWith(suffix)) {
                        return;
                    }
                    String contender = other.substring(0, other.length() - suffix.length());
                    if (contender.isEmpty() || contender.contains("_")) {
                        return;
                    }
                    lines.add(line(name + ".vs" + Character.toUpperCase(contender.charAt(0)) + contender.substring(1), contender, sdk, score));
                    done.add(method);
                    done.add(other);
                });
            });
            methods.forEach((method, s) -> {
                if (!done.contains(method)) {
                    String perSecond = method.endsWith("GiB") && s.unit().equals("ms/op")
                            ? String.format(Locale.ROOT, "  = %s GiB/s", number(1000 / s.value())) : "";
                    lines.add(String.format(Locale.ROOT, "%-66s %s", group + "." + method, s.text()) + perSecond);
                }
            });
        });
        return lines;
    }

    /** Half the range of the iteration scores: JMH gives no confidence interval below three iterations. */
    private static double halfRange(JsonNode rawData) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (JsonNode fork : rawData.values()) {
            for (JsonNode x : fork.values()) {
                min = Math.min(min, x.asDouble());
                max = Math.max(max, x.asDouble());
                n++;
            }
        }
        return n < 2 ? Double.NaN : (max - min) / 2;
    }

    private static String line(String name, String peerName, Score sdk, Score peer) {
        double ratio = peer.value() / sdk.value();
        String err = Double.isNaN(sdk.error()) || Double.isNaN(peer.error()) ? "n/a"
                : number(ratio * Math.hypot(sdk.error() / sdk.value(), peer.error() / peer.value()));
        return String.format(Locale.ROOT, "%-66s sdk=%s  %s=%s  ratio=%s  (±%s)", name, sdk.text(), peerName, peer.text(), number(ratio), err);
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        double a = Math.abs(x);
        return a >= 100 ? String.format(Locale.ROOT, "%.0f", x) : a >= 10 ? String.format(Locale.ROOT, "%.1f", x)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", x) : String.format(Locale.ROOT, "%.3g", x);
    }
}
