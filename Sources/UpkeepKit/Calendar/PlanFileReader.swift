import Foundation

/// Reads a plan file (`upkeep plan --format json`) back into a `Plan`: what `calendar --previous`, `upkeep diff`
/// and `upkeep check --plan` compare. The steps, findings and dates are read (`PlanDocument`); nil when the file
/// is not such a plan.
public enum PlanFileReader {
    /// Several plan files at once, one per core (`upkeep diff` reads two).
    public static func read(all files: [[UInt8]], execution: ExecutionOptions = .standard) -> [Plan?] {
        execution.map(files, minimum: 2) { read($0) }
    }

    /// The plan a file holds, read with `JSONDecoder` into `PlanDocument`; nil when it is not a plan file.
    public static func read(_ bytes: [UInt8]) -> Plan? {
        (try? JSONDecoder().decode(PlanDocument.self, from: Data(bytes)))?.plan
    }
}
