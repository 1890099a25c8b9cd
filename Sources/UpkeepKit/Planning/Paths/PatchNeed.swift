/// What asks a cluster that stays on its minor for a newer patch: its patch losing support (no minimum), or an
/// advisory fixed in a later patch of the minor (its fixing patch as the minimum).
struct PatchNeed: Sendable {
    var minimum: KubernetesVersion?
    var due: CalendarDate?
    var dueReason: String
    var reason: String
    var source: SourcePosition?
    /// The advisory the need comes from; nil for a support end.
    var advisoryID: String?
}
