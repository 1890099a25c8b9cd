import Foundation

/// With `UPKEEP_PHASE_TIMES=1` in the environment, `upkeep plan` and `upkeep inventory` print how long each phase took to
/// standard error: how the benchmark's figures are broken down. Nothing else reads the clock, and these
/// lines never reach an output.
public enum PhaseClock {
    private static let enabled = ProcessInfo.processInfo.environment["UPKEEP_PHASE_TIMES"] != nil
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds

    /// Prints the time since the previous mark, under `name`.
    public static func mark(_ name: String) {
        guard enabled else { return }
        let previous = last
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data("phase \(name): \((now - previous) / 1_000_000) ms\n".utf8))
        last = now
    }
}
