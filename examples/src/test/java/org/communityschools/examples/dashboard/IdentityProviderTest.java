package org.communityschools.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Plugging in an identity provider (the sample in docs/dashboard.md is this test's code). */
class IdentityProviderTest {
    @Test
    void behindAnAuthenticatingProxyTheStaffIdInTheTrustedHeaderSignsIn() {
        TestCity city = TestCity.get();
        var data = city.data;
        LocalDate today = TestCity.TODAY;
        Path log = TestCity.freshLog("identity-provider");
        // docs/dashboard.md: plugging in a district's identity provider
        Dashboard dashboard = Dashboard.builder().data(data).today(today).disclosureLog(log).port(0)
                .identityProvider(IdentityProvider.trustedHeader(data, "X-Remote-User")).secureCookie(true).start();
        try (dashboard) {
            Client c = new Client(dashboard.uri());
            HttpResponse<String> page = c.get("/");
            assertThat(page.body()).as("no picker: the proxy authenticates").doesNotContain("<select");
            assertThat(c.post("/signin", c.form()).statusCode()).as("no header, no sign-in").isEqualTo(403);
            HttpResponse<String> in = c.post("/signin", c.form(), "X-Remote-User", city.mentor.value());
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().firstValue("set-cookie").orElseThrow()).contains("; Secure");
            assertThat(c.get("/students").body()).contains(city.mentor.value());
        }
    }

    @Test
    void theDemoPickerKnowsOnlyTheDirectorysStaff() {
        TestCity city = TestCity.get();
        IdentityProvider demo = IdentityProvider.demoPicker(city.data);
        java.util.Map<String, String> headers = java.util.Map.of();
        assertThat(demo.signIn(java.util.Map.of("staff_id", city.principal.value()), headers)).contains(city.principal);
        assertThat(demo.signIn(java.util.Map.of("staff_id", "NOBODY"), headers)).isEmpty();
        assertThat(demo.signIn(java.util.Map.of(), headers)).isEmpty();
        assertThat(demo.choices()).hasSize(city.data.staff().size());
    }
}
