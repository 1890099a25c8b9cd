/// Planning.md 2, "Stopped cluster": out of support `outOfSupportAfter` after it stopped; after
/// `noUpdatesAfter` it cannot be updated at all.
public enum StoppedClusterRule {
    public static func evaluate(_ state: ClusterState, rules: StoppedClusterRules) -> SupportVerdict? {
        guard case .stopped(let since) = state else { return nil }
        let end = since.adding(days: rules.outOfSupportAfter.days)
        return SupportVerdict(.stopped, .on(end), "stopped since \(since); a stopped control plane is out of support after \(rules.outOfSupportAfter.days) days, on \(end)")
    }

    /// The first day on which the stopped cluster can no longer be updated.
    public static func lastUpdateDeadline(_ state: ClusterState, rules: StoppedClusterRules) -> CalendarDate? {
        guard case .stopped(let since) = state else { return nil }
        return since.adding(days: rules.noUpdatesAfter.days)
    }
}
