/// `upkeep check --observed`'s drift, worked out on another core while the plan is made: the exports under the
/// folder read and joined, and every fleet of the inputs compared with them.
public struct ObservedDriftRead: Sendable {
    private let pending: BackgroundValue<(changes: [FleetDrift.Change], diagnostics: [Diagnostic])>

    public init(inputs: InputSet, observed folder: String, execution: ExecutionOptions = .standard) {
        pending = execution.background {
            let log = DiagnosticLog()
            let facts = ObservedInventory.read(paths: [folder], log: log)
            let drift = FleetDrift.compare(fleetsOf: inputs, observed: facts, log: log)
            return (drift.changes, log.diagnostics)
        }
    }

    /// Waits for the drift; the problems of the exports go to `log` (the drift is only meaningful without errors).
    public func finish(log: DiagnosticLog) -> [FleetDrift.Change] {
        let read = pending.value
        for diagnostic in read.diagnostics { log.append(diagnostic) }
        return read.changes
    }
}
