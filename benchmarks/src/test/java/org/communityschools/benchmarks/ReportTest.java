package org.communityschools.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {
    private static String run(String method, double score, String error, String raw) {
        return """
                {"benchmark": "org.communityschools.benchmarks.ChronicAbsenceBatchBenchmark.%s", "mode": "avgt",
                 "params": {"preset": "district"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "ms/op", "rawData": [%s]}}
                """.formatted(method, score, error, raw);
    }

    @Test
    void pairsSdkWithPeerAndMemoryScanAndPrintsTheRatioOfPeerToSdk() {
        String json = "[" + run("sdk", 100, "10", "[95, 100, 105]") + "," + run("peer", 50, "5", "[50, 50, 50]") + ","
                + run("memoryScan", 1, "0.1", "[1, 1, 1]") + "]";

        List<String> lines = Report.lines(JsonMapper.builder().build().readTree(json));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("ChronicAbsenceBatchBenchmark[preset=district] ")
                .contains("sdk=100 ms/op ±10.0", "peer=50.0 ms/op ±5.00", "ratio=0.500", "(±0.0707)");
        assertThat(lines.get(1)).startsWith("ChronicAbsenceBatchBenchmark[preset=district].vsMemoryScan")
                .contains("memoryScan=1.00 ms/op", "ratio=0.0100");
    }

    @Test
    void usesHalfTheRangeOfTheIterationsWhenJmhGivesNoError() {
        String json = "[" + run("sdk", 100, "\"NaN\"", "[90, 110]") + "]";

        assertThat(Report.lines(JsonMapper.builder().build().readTree(json)))
                .containsExactly(String.format("%-66s %s", "ChronicAbsenceBatchBenchmark[preset=district].sdk", "100 ms/op ±10.0"));
    }

    @Test
    void pairsEverySuffixedContenderWithTheSdkMethodOfTheSameSuffixAndLeavesTheRestAlone() {
        String json = "[" + run("sdk_decide", 10, "1", "[10]") + "," + run("peer_decide", 1, "0.1", "[1]") + ","
                + run("casbin_decide", 100, "10", "[100]") + "," + run("sdk_decideCached", 1, "0.1", "[1]") + ","
                + run("casbin_decideCached", 100, "10", "[100]") + "," + run("duckdb", 5, "1", "[5]") + "]";

        List<String> lines = Report.lines(JsonMapper.builder().build().readTree(json));

        assertThat(lines).hasSize(4);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ChronicAbsenceBatchBenchmark[preset=district].decide ").contains("ratio=0.100"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ChronicAbsenceBatchBenchmark[preset=district].decide.vsCasbin ")
                .contains("casbin=100 ms/op", "ratio=10.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ChronicAbsenceBatchBenchmark[preset=district].decideCached.vsCasbin ")
                .contains("ratio=100"));
        // no sdk method without a suffix: duckdb stands alone
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ChronicAbsenceBatchBenchmark[preset=district].duckdb ").doesNotContain("ratio"));
    }

    @Test
    void printsAScanOfOneGibibyteAlsoAsGibibytesPerSecond() {
        String json = "[" + run("scanGiB", 125, "5", "[125]") + "]";

        assertThat(Report.lines(JsonMapper.builder().build().readTree(json))).singleElement().asString().endsWith("= 8.00 GiB/s");
    }
}
