import Dispatch

/// Takes a large graph of objects apart on another thread: after a plan is made, the planner's tens of
/// thousands of drafts would otherwise be freed one by one before the plan can be written.
final class BackgroundRelease: @unchecked Sendable {
    private var held: AnyObject?

    private init(_ object: AnyObject) {
        held = object
    }

    /// Call it with `consume`: the caller must hold no other reference, so that the last one goes with
    /// the background task.
    static func release(_ object: consuming AnyObject) {
        let box = BackgroundRelease(object)
        DispatchQueue.global(qos: .utility).async { box.held = nil }
    }
}
