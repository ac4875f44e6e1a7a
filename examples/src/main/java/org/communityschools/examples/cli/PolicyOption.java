package org.communityschools.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.communityschools.privacy.policy.Policies;
import org.communityschools.privacy.policy.Policy;
import org.communityschools.privacy.policy.PolicyProblem;
import org.communityschools.privacy.policy.PolicyValidationException;
import picocli.CommandLine.Option;

/**
 * The {@code --policy FILE} option of the commands that decide access ({@code view}, {@code access}, {@code serve})
 * and of {@code extract} (whose records the agreement governs; the policy's field catalog names the data elements),
 * mixed into each with {@code @Mixin}: the access policy from a YAML or JSON file (by its extension, otherwise by its
 * content), validated whole, or the SDK's default policy when the option is not given. A refused policy is reported by
 * {@link Main} as one line per problem, {@code FILE:LINE:COLUMN: code: message}, with exit code 1 (invalid data).
 */
public final class PolicyOption {
    private static final Pattern LOCATION = Pattern.compile("(.*?:\\d+:\\d+) (/.*)");

    @Option(names = "--policy", paramLabel = "FILE",
            description = "the access policy, YAML or JSON (default: the SDK's default policy); an invalid policy is refused "
                    + "with one line per problem, FILE:LINE:COLUMN: code: message")
    Optional<Path> file = Optional.empty();

    /**
     * The policy the command decides by.
     *
     * @throws PolicyValidationException when the file is not a valid policy
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public Policy policy() {
        return file.map(Policies::load).orElseGet(Policies::defaultPolicy);
    }

    /**
     * The problems of a refused policy, one line each: {@code FILE:LINE:COLUMN: code: message (at /json/pointer)}; the
     * pointer is left out when the problem is the whole document.
     */
    static List<String> lines(PolicyValidationException refused) {
        return refused.problems().stream().map(PolicyOption::line).toList();
    }

    private static String line(PolicyProblem p) {
        Matcher m = LOCATION.matcher(p.location());
        if (!m.matches()) {
            return p.toString();
        }
        String at = m.group(2).equals("/") ? "" : " (at " + m.group(2) + ")";
        return m.group(1) + ": " + p.code() + ": " + p.message() + at;
    }
}
