/// Planning.md 4, rings: a step bringing a cluster of a later ring to a version waits until the earlier
/// rings' clusters that reach it have run it for their ring's soak.
extension StepScheduler {
    func isRingStep(_ step: StepRequirement) -> Bool {
        step.kind == .kubernetesUpgrade && step.movesControlPlane && step.cluster != nil
    }

    /// The gate a ring step counts toward: its ring and minor.
    func soakGate(of index: Int) -> GateKey? {
        let step = requirements[index]
        guard isRingStep(step), let minor = step.targetMinor, step.ringIndex < context.policy.rings.count else { return nil }
        return GateKey(ring: step.ringIndex, minor: minor)
    }

    func bypassesSoak(_ step: StepRequirement) -> Bool {
        context.policy.securityBypassesSoak && step.securityFix
    }

    /// The gates of every earlier ring at the step's minor: it is placed only once they are settled.
    func gatesWaited(by index: Int) -> [GateKey] {
        let step = requirements[index]
        guard isRingStep(step), let minor = step.targetMinor, !bypassesSoak(step) else { return [] }
        return (0..<min(step.ringIndex, context.policy.rings.count)).map { GateKey(ring: $0, minor: minor) }
    }

    /// The instant soak allows a step to reach `version` from, the step that sets it and its ring's soak;
    /// the same exact version counts first, else the same minor.
    func soakConstraint(_ index: Int, version: KubernetesVersion) -> (end: Instant, step: Int, ring: Int)? {
        let step = requirements[index]
        guard isRingStep(step), !bypassesSoak(step) else { return nil }
        let rings = context.policy.rings
        let earlier = 0..<min(step.ringIndex, rings.count)
        let exact = earlier.compactMap { ring -> (end: Instant, step: Int, ring: Int)? in
            soakEnds.latest(ring: ring, version: version).map { ($0.end.adding(minutes: rings[ring].soak.minutes), $0.step, ring) }
        }
        let candidates = exact.isEmpty
            ? earlier.compactMap { ring -> (end: Instant, step: Int, ring: Int)? in
                soakEnds.latest(ring: ring, minor: version.minorVersion).map { ($0.end.adding(minutes: rings[ring].soak.minutes), $0.step, ring) }
            }
            : exact
        return candidates.max { $0.end < $1.end }
    }
}
