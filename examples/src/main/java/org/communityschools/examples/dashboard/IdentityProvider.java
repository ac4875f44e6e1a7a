package org.communityschools.examples.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.data.DistrictData;
import org.communityschools.core.model.Staff;
import org.communityschools.core.model.StaffId;

/**
 * Who is signing in by a form posted to {@code /signin}: the dashboard asks it to turn the sign-in request (the form's
 * fields and the request headers) into a staff member of the data directory ({@code staff.csv}), and from then on knows
 * the person only by that {@link StaffId}: every page is decided by the policy engine for that id. An empty answer
 * refuses the sign-in. (OpenID Connect sign-in, by redirect to the provider, is {@link OpenIdConnect}.)
 *
 * <p>Two implementations ship: {@link #demoPicker(DistrictData)}, a list of the directory's staff to pick from (for the
 * synthetic city only: it authenticates nobody; {@link Dashboard.Builder#demoSignIn()}), and
 * {@link #trustedHeader(DistrictData, String)}, for a dashboard that runs behind a reverse proxy which authenticates the
 * user with the district's single sign-on (SAML, for example) and passes the staff id in a header. docs/dashboard.md
 * describes them and how to write another. Implementations must be thread-safe; the dashboard calls them from several
 * request threads.
 */
public interface IdentityProvider {
    /**
     * The staff member this sign-in request authenticates, or empty to refuse it.
     *
     * @param form    the fields of the sign-in form, already URL-decoded
     * @param headers the request headers, by name in any case (the first value of each)
     */
    Optional<StaffId> signIn(Map<String, String> form, Map<String, String> headers);

    /** The people a demo sign-in page lists to pick from; empty for a real identity provider (the page then shows a button). */
    default List<Staff> choices() {
        return List.of();
    }

    /**
     * The demo picker: any staff member of {@code data} whose id is posted as {@code staff_id}. It authenticates nobody;
     * use it only with synthetic data.
     */
    static IdentityProvider demoPicker(DistrictData data) {
        Objects.requireNonNull(data, "data");
        List<Staff> staff = data.staff().stream().sorted(Comparator.comparing(s -> s.id().value())).toList();
        return new IdentityProvider() {
            @Override
            public Optional<StaffId> signIn(Map<String, String> form, Map<String, String> headers) {
                String id = form.getOrDefault("staff_id", "");
                if (id.isEmpty() || id.length() > 64) {
                    return Optional.empty();
                }
                return staff.stream().map(Staff::id).filter(s -> s.value().equals(id)).findFirst();
            }

            @Override
            public List<Staff> choices() {
                return staff;
            }
        };
    }

    /**
     * Trusts {@code header} (for example {@code X-Remote-User}) set by an authenticating reverse proxy in front of the
     * dashboard, mapped to a staff member of {@code data}. Safe only when the dashboard listens on an address that
     * nothing but the proxy can reach, and the proxy removes the header from incoming requests.
     */
    static IdentityProvider trustedHeader(DistrictData data, String header) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(header, "header");
        return (form, headers) -> Optional.ofNullable(headers.get(header))
                .flatMap(v -> data.staff().stream().map(Staff::id).filter(s -> s.value().equals(v)).findFirst());
    }
}
