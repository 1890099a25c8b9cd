import Synchronization

/// Values a command keeps until the process ends, so that they are not freed piece by piece when `run()` returns
/// or throws its `ExitCode`: the system takes a process's memory back at once. What it buys: the 10,000-cluster
/// plan's objects are never taken apart one by one at the end of `upkeep plan`, `calendar`, `tickets`, `report`,
/// `check` and `diff`, nor the fleet's tree and the observed facts at the end of `upkeep inventory` (freeing them
/// was a visible share of `make bench`'s whole-process times).
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    /// Keeps `value` alive until the process exits.
    public static func keepUntilExit(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
