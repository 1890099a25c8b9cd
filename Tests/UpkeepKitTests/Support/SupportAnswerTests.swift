import Testing
@testable import UpkeepKit

/// planning.md 2, "One verdict, everywhere", rule by rule on SupportAnswer itself.
@Suite("The one support verdict (SupportAnswer)")
struct SupportAnswerTests {
    static let day = SupportFixtures.date("2026-06-01")
    static func support(_ end: SupportVerdict.End, _ reason: String = "own rule") -> CombinedSupport {
        CombinedSupport([SupportVerdict(.kubernetesMinor, end, reason)])
    }
    static func management(_ end: SupportVerdict.End, unknown: String? = nil) -> (name: String, answer: SupportAnswer, reason: String?) {
        ("m", SupportAnswer.management(CombinedSupport([SupportVerdict(.platformRelease, end, "release rule")]), on: day, unknownBecause: unknown), "release rule")
    }

    @Test func aClusterOfAManagementClusterOutOfSupportIsOutOfSupportWithBothReasons() {
        let own = Self.support(.noKnownEnd, "Kubernetes 1.31 is supported")
        let answer = SupportAnswer.member(own, on: Self.day, management: Self.management(.on(SupportFixtures.date("2026-04-24"))), unknownBecause: "feeds cannot tell")
        #expect(answer.state == .outOfSupport && answer.through == "m" && answer.unknownBecause == nil)
        #expect(answer.until == SupportFixtures.date("2026-04-24"))
        #expect(answer.reasons(own) == ["management cluster m is out of support: release rule", "Kubernetes 1.31 is supported"])
    }

    @Test func unknownOnlyWhereTheFeedsCannotTellAndNothingSaysNo() {
        let supported = SupportAnswer.member(Self.support(.noKnownEnd), on: Self.day, management: Self.management(.noKnownEnd), unknownBecause: "releases since")
        #expect(supported.state == .unknown && supported.unknownBecause == "releases since")
        let inherited = SupportAnswer.member(Self.support(.noKnownEnd), on: Self.day, management: Self.management(.noKnownEnd, unknown: "stale feed"), unknownBecause: nil)
        #expect(inherited.state == .unknown && inherited.unknownBecause == "stale feed")
        let ownFails = SupportAnswer.member(Self.support(.unsupported), on: Self.day, management: Self.management(.noKnownEnd), unknownBecause: "releases since")
        #expect(ownFails.state == .outOfSupport && ownFails.through == nil)
        let known = SupportAnswer.member(Self.support(.noKnownEnd), on: Self.day, management: nil, unknownBecause: nil)
        #expect(known.state == .supported)
    }

    /// The earlier end sets `until`, and its reason comes first: the management cluster's while it is still
    /// supported too (its support ends first), the subject's own when that ends first.
    @Test func theEarlierEndSetsUntilAndItsReasonComesFirst() {
        let own = Self.support(.on(SupportFixtures.date("2026-09-01")), "own ends in September")
        let later = SupportAnswer.member(own, on: Self.day, management: Self.management(.on(SupportFixtures.date("2026-07-01"))), unknownBecause: nil)
        #expect(later.state == .supported && later.until == SupportFixtures.date("2026-07-01") && later.through == nil)
        #expect(later.reasons(own).first == "its management cluster m: release rule")
        let sooner = Self.support(.on(SupportFixtures.date("2026-06-10")), "own ends in June")
        let first = SupportAnswer.member(sooner, on: Self.day, management: Self.management(.on(SupportFixtures.date("2026-07-01"))), unknownBecause: nil)
        #expect(first.until == SupportFixtures.date("2026-06-10") && first.inherited == nil && first.reasons(sooner) == ["own ends in June"])
    }
}
