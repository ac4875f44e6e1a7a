package org.communityschools.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The demo's compiler policy: the JVM takes the directive the demo gives it, and the demo gives it only in a process
 * of its own. The directive tested here names a class that does not exist, so that this test JVM compiles as before;
 * the demo's own directive differs only in its pattern ({@code *.*}).
 */
class ShortRunTest {

    @Test
    void theJvmTakesADirectiveThatKeepsMethodsFromC2() {
        assertThat(ShortRun.excludeFromC2("org.communityschools.examples.cli.NoSuchType::*")).isTrue();
    }

    @Test
    void aMalformedPatternIsRefusedNotThrown() {
        // A quote ends the JSON string early: the JVM's parser refuses the file, and the demo just runs as it would.
        assertThat(ShortRun.excludeFromC2("\"")).isFalse();
    }

    @Test
    void aCommandRunInsideAHostOrATestLeavesTheJvmAlone() {
        // Cli.run calls Main.run, as a host would: only Main.main owns the process.
        assertThat(Main.ownsProcess()).isFalse();
    }
}
