package org.communityschools.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.communityschools.core.internal.AgreementVersionRules;

/**
 * Every version of one data-sharing agreement, in version order, and which of them governs on a given day.
 *
 * <p>A termination, suspension, reinstatement or amendment is a new version with its own
 * {@link DataSharingAgreement#versionEffectiveDate() version effective date}. The version that governs on a day is the
 * one with the latest version effective date not after that day; before the first version's date none governs. So a
 * decision dated before a new version takes effect is unchanged by it, and a decision on or after that date follows
 * it: nothing is retroactive. Successive versions take effect on strictly increasing dates and keep the parties, the
 * legal basis and the effective date of the agreement (a change of parties or basis is a new agreement: the written
 * agreement of 34 CFR 99.31(a)(6)(iii)(C) and 99.35(a)(3) names them).
 *
 * <p>When the agreement ends (its end date passes, or a TERMINATED or EXPIRED version takes effect) the recipient must
 * destroy what it received within the agreement's destruction period (34 CFR 99.31(a)(6)(iii)(C)(4), 99.35(b)(2)):
 * {@link #destructionOn(LocalDate)}. Immutable and thread-safe.
 */
public final class AgreementHistory {
    private final List<DataSharingAgreement> versions;

    private AgreementHistory(List<DataSharingAgreement> versions) {
        this.versions = versions;
    }

    /**
     * The history made of these versions, in any order.
     *
     * @param versions the versions of one agreement
     * @return the history
     * @throws IllegalArgumentException when there is no version, the versions name different agreement ids, a version
     *                                  number repeats, or a later version does not take effect after an earlier one
     *                                  or changes the parties, the legal basis or the effective date
     */
    public static AgreementHistory of(Collection<DataSharingAgreement> versions) {
        List<DataSharingAgreement> sorted = new ArrayList<>(Objects.requireNonNull(versions, "versions"));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an agreement history needs at least one version");
        }
        sorted.sort(Comparator.comparingInt(DataSharingAgreement::version));
        DataSharingAgreement first = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            DataSharingAgreement previous = sorted.get(i - 1);
            DataSharingAgreement next = sorted.get(i);
            if (!next.id().equals(first.id())) {
                throw new IllegalArgumentException("the versions of a history must share one agreement_id: " + first.id()
                        + " and " + next.id());
            }
            if (next.version() == previous.version()) {
                throw new IllegalArgumentException("agreement " + next.id() + " version " + next.version() + " is repeated");
            }
            AgreementVersionRules.successor(previous, next).ifPresent(b -> {
                throw new IllegalArgumentException(b.message());
            });
        }
        return new AgreementHistory(List.copyOf(sorted));
    }

    /** {@return the agreement's identifier} */
    public AgreementId id() {
        return versions.get(0).id();
    }

    /** {@return the recipient organization, the same in every version} */
    public OrganizationId recipientOrganizationId() {
        return versions.get(0).recipientOrganizationId();
    }

    /** {@return every version, by version number} */
    public List<DataSharingAgreement> versions() {
        return versions;
    }

    /** {@return the version with the highest number, whether or not it has taken effect} */
    public DataSharingAgreement latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version that governs on {@code date}: the one with the latest version effective date not after it; empty
     * when no version has taken effect yet.
     *
     * @param date the day
     * @return the governing version, if any
     */
    public Optional<DataSharingAgreement> versionOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (!versions.get(i).versionEffectiveDate().isAfter(date)) {
                return Optional.of(versions.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * {@return whether the agreement permits disclosure on {@code date}: the governing version is ACTIVE and its term
     * contains the day}
     *
     * @param date the day
     */
    public boolean inForceOn(LocalDate date) {
        return versionOn(date).filter(v -> v.status() == AgreementStatus.ACTIVE && v.term().contains(date)).isPresent();
    }

    /**
     * The destruction obligation of the agreement as of {@code asOf}: present when, on that day, the agreement has
     * ended after having been ACTIVE in some version. It ended
     * <ul>
     *   <li>on the version effective date of the TERMINATED or EXPIRED version that governs on {@code asOf} (the first of
     *       a run of such versions), unless the version before it had already run past its end date, or</li>
     *   <li>on the end date of the governing version, when {@code asOf} is after it.</li>
     * </ul>
     * The deadline is that date plus the destruction days of the version in force when it ended.
     *
     * @param asOf the day
     * @return the obligation, if the agreement has ended
     */
    public Optional<DestructionObligation> destructionOn(LocalDate asOf) {
        Optional<DataSharingAgreement> governing = versionOn(asOf);
        if (governing.isEmpty()) {
            return Optional.empty();
        }
        int g = versions.indexOf(governing.get());
        int last;
        DataSharingAgreement ending;
        LocalDate endedOn;
        AgreementStatus cause;
        if (ends(versions.get(g).status())) {
            int t = g;
            while (t > 0 && ends(versions.get(t - 1).status())) {
                t--;
            }
            DataSharingAgreement terminating = versions.get(t);
            DataSharingAgreement before = t > 0 ? versions.get(t - 1) : null;
            if (before != null && before.endDate().isBefore(terminating.versionEffectiveDate())) {
                ending = before;
                endedOn = before.endDate();
                cause = AgreementStatus.EXPIRED;
                last = t - 1;
            } else {
                ending = terminating;
                endedOn = terminating.versionEffectiveDate();
                cause = terminating.status();
                last = t;
            }
        } else if (asOf.isAfter(versions.get(g).endDate())) {
            ending = versions.get(g);
            endedOn = ending.endDate();
            cause = AgreementStatus.EXPIRED;
            last = g;
        } else {
            return Optional.empty();
        }
        boolean wasActive = false;
        for (int i = 0; i <= last; i++) {
            wasActive |= versions.get(i).status() == AgreementStatus.ACTIVE;
        }
        if (!wasActive) {
            return Optional.empty();
        }
        return Optional.of(new DestructionObligation(id(), ending.version(), recipientOrganizationId(), cause, endedOn,
                endedOn.plusDays(ending.destructionDays())));
    }

    private static boolean ends(AgreementStatus status) {
        return status == AgreementStatus.TERMINATED || status == AgreementStatus.EXPIRED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgreementHistory other && versions.equals(other.versions);
    }

    @Override
    public int hashCode() {
        return versions.hashCode();
    }

    /** {@code AgreementHistory[DSA-1 v1 2016-07-01, v2 2018-01-01]}: ids and dates only. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AgreementHistory[").append(id());
        for (DataSharingAgreement v : versions) {
            b.append(v == versions.get(0) ? " " : ", ").append('v').append(v.version()).append(' ').append(v.status())
                    .append(' ').append(v.versionEffectiveDate());
        }
        return b.append(']').toString();
    }
}
