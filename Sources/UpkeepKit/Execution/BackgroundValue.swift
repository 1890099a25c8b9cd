import Dispatch
import Foundation

/// A value worked out on another thread while the caller goes on; `value` waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Value?

    init(runOnAnotherThread: Bool = true, _ work: @escaping @Sendable () -> Value) {
        guard runOnAnotherThread else {
            result = work()
            return
        }
        group.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            group.leave()
        }
    }

    /// Waits for the work to finish (the group orders the write before this read).
    var value: Value {
        group.wait()
        guard let result else { preconditionFailure("the background work finished without a value") }
        return result
    }
}
