/// Planning.md 2, "Suspended subscription": every cluster of the management cluster is out of support
/// `subscriptionGracePeriod` after the suspension.
public enum SuspendedSubscriptionRule {
    public static func evaluate(_ subscription: SubscriptionState, managementCluster: String, gracePeriod: TimeSpan) -> SupportVerdict? {
        guard case .suspended(let since) = subscription else { return nil }
        let end = since.adding(days: gracePeriod.days)
        return SupportVerdict(.subscription, .on(end), "the subscription of \(managementCluster) is suspended since \(since); out of support after \(gracePeriod.days) days, on \(end)")
    }
}
