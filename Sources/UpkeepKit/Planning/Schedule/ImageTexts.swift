/// Texts that many pools share, worked out once per image instead of once per pool: the age verdict
/// of each image a pool runs, and the due date and reasons of the refresh that replaces an image.
/// A value: each thread has its own.
struct ImageTexts {
    private struct Key: Hashable {
        var family: String
        var version: NodeImageVersion
    }

    private let context: PlanningContext
    private var ages: [Key: SupportVerdict] = [:]
    private var familyEnds: [String: SupportVerdict?] = [:]
    private var refreshes: [Key: (due: CalendarDate, reason: String, reasons: [String])] = [:]

    init(context: PlanningContext) {
        self.context = context
    }

    /// `NodeImageAgeRule` for the pool's image.
    mutating func age(of pool: NodePool) -> SupportVerdict {
        let key = Key(family: pool.imageFamily.name, version: pool.nodeImage)
        if let known = ages[key] { return known }
        let verdict = NodeImageAgeRule.evaluate(pool, images: context.engine.images, maximumAge: context.policy.nodeImageMaxAge)
        ages[key] = verdict
        return verdict
    }

    /// `ImageFamilyEndOfLifeRule` for a family.
    mutating func familyEnd(_ family: String) -> SupportVerdict? {
        if let known = familyEnds[family] { return known }
        let verdict = ImageFamilyEndOfLifeRule.evaluate(family: family, images: context.engine.images)
        familyEnds[family] = verdict
        return verdict
    }

    /// When an image, once brought, is due for replacement, and why.
    mutating func refresh(after image: NodeImage) -> (due: CalendarDate, reason: String, reasons: [String]) {
        let key = Key(family: image.family, version: image.version)
        if let known = refreshes[key] { return known }
        let days = context.policy.nodeImageMaxAge.days
        let due = image.released.adding(days: days)
        let reason = "image \(image.version) (released \(image.released)) is due for replacement \(days) days later, on \(due)"
        let texts = (due, reason, ["node image: \(reason)"])
        refreshes[key] = texts
        return texts
    }
}
