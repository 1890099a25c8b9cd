/// A name that one input uses to point at another (a window, a management cluster, a ring), with the
/// position of the reference so that a dangling one can be reported where it is written.
public struct Reference: Hashable, Sendable {
    public var name: String
    public var position: SourcePosition

    public init(name: String, position: SourcePosition) {
        self.name = name
        self.position = position
    }
}
