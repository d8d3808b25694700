package dev.idea.core.governance;

import static dev.idea.core.governance.GovernanceFixtures.MANIFEST;
import static dev.idea.core.governance.GovernanceFixtures.OTHER_MANIFEST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.idea.api.Impact;
import dev.idea.api.governance.Approval;
import dev.idea.api.governance.ApprovalDecision;
import dev.idea.api.governance.ApprovalGroup;
import dev.idea.api.governance.ApprovalPolicy;
import dev.idea.api.governance.ApprovalStatement;
import dev.idea.api.governance.CountedApproval;
import dev.idea.api.governance.GroupThreshold;
import dev.idea.api.governance.RoleQuorum;
import dev.idea.api.governance.TrustStore;
import dev.idea.api.governance.TrustedSigner;
import dev.idea.api.governance.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/**
 * For generated trust stores, policies and approvals, the evaluator's decision equals a brute-force
 * reference: the approvers counted are exactly the distinct, valid, role-qualified ones whose latest
 * valid statement approves, and the requirement is met exactly when a brute-force search over all
 * subsets of those approvers finds one satisfying every quorum it needs.
 */
class ApprovalEvaluatorPropertiesTest {
    private static final GovernanceFixtures F = new GovernanceFixtures();
    private static final int POOL = 6;
    private static final Instant NOW = GovernanceFixtures.T0;
    private static final List<String> HIGH_ROLES = List.of("approver", "release");
    private static final List<String> CRITICAL_ROLES = List.of("approver", "security_officer");
    private static final Map<String, Set<Impact>> GRANTS = Map.of(
            "approver", Set.of(Impact.HIGH, Impact.CRITICAL),
            "security_officer", Set.of(Impact.CRITICAL),
            "release", Set.of(Impact.HIGH));

    private static final List<Set<String>> ROLE_SETS = List.of(Set.of("approver"), Set.of("approver"), Set.of("security_officer"),
            Set.of("release"), Set.of("approver", "security_officer"), Set.of("release", "security_officer"), Set.of("auditor"),
            Set.of());

    enum Window { ALWAYS, NOT_YET, ENDED }

    record SignerSpec(boolean included, Set<String> roles, boolean revoked, Window window) {
        Instant from() {
            return window == Window.NOT_YET ? NOW.plus(Duration.ofHours(1)) : Instant.MIN;
        }

        Instant until() {
            return window == Window.ENDED ? NOW.minus(Duration.ofMinutes(90)) : Instant.MAX;
        }
    }

    /** {@code claimed} == POOL means an id the trust store never lists; {@code forged} signs with the next key. */
    record ApprovalSpec(int claimed, boolean forged, boolean otherManifest, Duration issuedOffset, Duration lifetime,
                        Verdict verdict) {
        String claimedId() {
            return claimed == POOL ? "stranger" : "p" + claimed;
        }

        String keyName() {
            return claimed == POOL ? "outsider" : "p" + (forged ? (claimed + 1) % POOL : claimed);
        }

        Instant issuedAt() {
            return NOW.plus(issuedOffset);
        }

        Instant expiresAt() {
            return issuedAt().plus(lifetime);
        }
    }

    record Scenario(List<SignerSpec> signers, List<ApprovalSpec> approvals, ApprovalGroup high, ApprovalGroup critical,
                    Impact impact) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<SignerSpec> signer = Combinators.combine(
                Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)),
                Arbitraries.of(ROLE_SETS),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false)),
                Arbitraries.of(Window.ALWAYS, Window.ALWAYS, Window.ALWAYS, Window.ALWAYS, Window.ALWAYS, Window.NOT_YET,
                        Window.ENDED)).as(SignerSpec::new);
        Arbitrary<ApprovalSpec> approval = Combinators.combine(
                Arbitraries.integers().between(0, 2 * POOL).withDistribution(RandomDistribution.uniform())
                        .map(i -> i == 2 * POOL ? POOL : i % POOL),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(11, false)),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(11, false)),
                Arbitraries.of(Duration.ofHours(-2), Duration.ofHours(-1), Duration.ofMinutes(-1), Duration.ofMinutes(-1),
                        Duration.ofMinutes(1)),
                Arbitraries.of(Duration.ofMinutes(30), Duration.ofHours(3), Duration.ofHours(3), Duration.ofHours(3)),
                Arbitraries.of(Verdict.APPROVE, Verdict.APPROVE, Verdict.APPROVE, Verdict.APPROVE, Verdict.REJECT))
                .as(ApprovalSpec::new);
        return Combinators.combine(signer.list().ofSize(POOL), approval.list().ofMinSize(3).ofMaxSize(16), group(HIGH_ROLES, 2),
                group(CRITICAL_ROLES, 2),
                Arbitraries.of(Impact.HIGH, Impact.HIGH, Impact.CRITICAL, Impact.CRITICAL, Impact.LOW)).as(Scenario::new);
    }

    private static Arbitrary<ApprovalGroup> group(List<String> roles, int depth) {
        Arbitrary<ApprovalGroup> leaf = Combinators.combine(Arbitraries.integers().between(1, 4),
                Arbitraries.subsetOf(roles).filter(s -> !s.isEmpty())).as(ApprovalGroup::atLeast);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ApprovalGroup> composite = group(roles, depth - 1).list().ofMinSize(1).ofMaxSize(3)
                .flatMap(children -> Arbitraries.integers().between(1, children.size()).map(k -> ApprovalGroup.kOf(k, children)));
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, composite), Tuple.of(1, Arbitraries.just(ApprovalGroup.NONE)));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void evaluate_equalsBruteForceReference(@ForAll("scenarios") Scenario scenario) {
        List<TrustedSigner> signers = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            SignerSpec s = scenario.signers().get(i);
            if (s.included()) {
                signers.add(new TrustedSigner("p" + i, F.key("p" + i), s.roles(), s.from(), s.until(), s.revoked()));
            }
        }
        Assume.that(signers.stream().anyMatch(s -> !s.revoked()));
        TrustStore store = new TrustStore(1, signers, 1, false);
        ApprovalPolicy policy = new ApprovalPolicy(Map.of(Impact.HIGH, scenario.high(), Impact.CRITICAL, scenario.critical()), GRANTS);
        List<Approval> approvals = new ArrayList<>();
        for (ApprovalSpec a : scenario.approvals()) {
            approvals.add(F.sign(a.keyName(), new ApprovalStatement(a.otherManifest() ? OTHER_MANIFEST : MANIFEST, a.verdict(),
                    a.claimedId(), a.issuedAt(), a.expiresAt())));
        }

        ApprovalDecision decision = new ApprovalEvaluator().evaluate(MANIFEST, scenario.impact(), approvals, store, policy, NOW);

        Map<String, Set<String>> expected = referenceCounted(scenario, approvals, policy);
        Map<String, Set<String>> actual = new TreeMap<>();
        for (CountedApproval c : decision.counted()) {
            actual.put(c.approverId(), c.roles());
        }
        assertEquals(expected, actual, "counted approvers");
        assertEquals(referenceMet(policy.requirement(scenario.impact()), new ArrayList<>(expected.values())), decision.met(), "met");
        assertEquals(approvals.size(), decision.counted().size() + decision.refused().size(), "every approval is accounted for");
        Statistics.label("met").collect(decision.met());
        decision.refused().forEach(r -> Statistics.label("reasons").collect(r.reason()));
        Statistics.label("counted").collect(Math.min(decision.counted().size(), 3));
    }

    /** Distinct approvers whose latest individually valid statement approves, with their qualifying roles. */
    private static Map<String, Set<String>> referenceCounted(Scenario scenario, List<Approval> approvals, ApprovalPolicy policy) {
        Map<String, List<Integer>> validByApprover = new TreeMap<>();
        for (int i = 0; i < approvals.size(); i++) {
            if (individuallyValid(scenario, scenario.approvals().get(i))) {
                validByApprover.computeIfAbsent(scenario.approvals().get(i).claimedId(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Set<String>> counted = new TreeMap<>();
        validByApprover.forEach((id, indexes) -> {
            int latest = indexes.get(0);
            for (int i : indexes) {
                int c = scenario.approvals().get(i).issuedAt().compareTo(scenario.approvals().get(latest).issuedAt());
                String di = approvals.get(i).statementDigest().hex();
                String dl = approvals.get(latest).statementDigest().hex();
                if (c > 0 || c == 0 && di.compareTo(dl) > 0) {
                    latest = i;
                }
            }
            if (scenario.approvals().get(latest).verdict() == Verdict.APPROVE) {
                SignerSpec s = scenario.signers().get(Integer.parseInt(id.substring(1)));
                Set<String> qualifying = new TreeSet<>();
                for (String role : s.roles()) {
                    if (GRANTS.getOrDefault(role, Set.of()).contains(scenario.impact())) {
                        qualifying.add(role);
                    }
                }
                counted.put(id, qualifying);
            }
        });
        return counted;
    }

    private static boolean individuallyValid(Scenario scenario, ApprovalSpec a) {
        if (a.claimed() == POOL || a.forged() || a.otherManifest()) {
            return false;
        }
        SignerSpec s = scenario.signers().get(a.claimed());
        boolean inWindow = !a.issuedAt().isBefore(s.from()) && a.issuedAt().isBefore(s.until())
                && !NOW.isBefore(s.from()) && NOW.isBefore(s.until());
        boolean hasRole = s.roles().stream().anyMatch(r -> GRANTS.getOrDefault(r, Set.of()).contains(scenario.impact()));
        return s.included() && !s.revoked() && inWindow && !a.issuedAt().isAfter(NOW) && NOW.isBefore(a.expiresAt()) && hasRole;
    }

    /** Brute force: a quorum is met when some subset of exactly {@code atLeast} approvers all hold a qualifying role. */
    private static boolean referenceMet(ApprovalGroup group, List<Set<String>> approvers) {
        if (group instanceof RoleQuorum q) {
            int n = approvers.size();
            for (int mask = 0; mask < (1 << n); mask++) {
                if (Integer.bitCount(mask) != q.atLeast()) {
                    continue;
                }
                boolean all = true;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0 && Collections.disjoint(approvers.get(i), q.roles())) {
                        all = false;
                    }
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }
        GroupThreshold t = (GroupThreshold) group;
        int met = 0;
        for (ApprovalGroup child : t.groups()) {
            if (referenceMet(child, approvers)) {
                met++;
            }
        }
        return met >= t.k();
    }
}
