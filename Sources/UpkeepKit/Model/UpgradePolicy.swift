/// How plans are made (`UpgradePolicy`). Every key has a default, so a fleet without a policy document
/// gets exactly these values.
public struct UpgradePolicy: Sendable {
    public var horizon = Horizon.days(180)
    public var target = UpgradeTarget.minimum
    public var kubeletSkew = 2
    public var workerUpgrades = WorkerUpgrades.lockstep
    public var skipFromUnsupported = true
    public var nodeImageMaxAge = TimeSpan.days(60)
    public var advisoryDeadlines: [Severity: TimeSpan] = [
        .critical: .days(7), .high: .days(30), .medium: .days(90), .low: .days(180),
    ]
    public var securityBypassesSoak = true
    public var rings: [Ring] = [
        Ring(name: "dev", soak: .days(0), allowPreview: true),
        Ring(name: "staging", soak: .days(7), allowPreview: false),
        Ring(name: "prod", soak: .days(14), allowPreview: false),
    ]
    public var stoppedClusters = StoppedClusterRules()
    public var subscriptionGracePeriod = TimeSpan.days(60)
    public var feedStaleAfter = TimeSpan.days(45)
    public var durations = DurationEstimates()
    /// Where the document was, nil for the defaults.
    public var position: SourcePosition?

    public init() {}

    public func advisoryDeadline(for severity: Severity) -> TimeSpan {
        advisoryDeadlines[severity] ?? .days(90)
    }
}

public struct Ring: Sendable, Equatable {
    public var name: String
    public var soak: TimeSpan
    public var allowPreview: Bool
    public var position: SourcePosition?

    public init(name: String, soak: TimeSpan, allowPreview: Bool, position: SourcePosition? = nil) {
        self.name = name
        self.soak = soak
        self.allowPreview = allowPreview
        self.position = position
    }
}

public struct StoppedClusterRules: Sendable, Equatable {
    public var outOfSupportAfter = TimeSpan.days(30)
    public var noUpdatesAfter = TimeSpan.days(90)
}

/// Estimates used to fit steps into windows.
public struct DurationEstimates: Sendable, Equatable {
    public var platform = TimeSpan.hours(2)
    public var controlPlane = TimeSpan(minutes: 30)
    public var perNode = TimeSpan(minutes: 12)
}
