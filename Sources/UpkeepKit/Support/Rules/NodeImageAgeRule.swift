/// Planning.md 2, "Node pool image": due `nodeImageMaxAge` after the image was released, and at its
/// family's end of life.
public enum NodeImageAgeRule {
    public static func evaluate(_ pool: NodePool, images: NodeImageIndex, maximumAge: TimeSpan) -> SupportVerdict {
        let family = pool.imageFamily.name
        guard let released = images.releaseDate(family: family, version: pool.nodeImage) else {
            return SupportVerdict(.nodeImageAge, .unsupported, "image \(pool.nodeImage) of \(family) is in no catalog and its version gives no date")
        }
        let due = released.date.adding(days: maximumAge.days)
        let origin = released.derived ? "dated \(released.date) by its version" : "released \(released.date)"
        return SupportVerdict(.nodeImageAge, .on(due), "image \(pool.nodeImage) (\(origin)) is due for replacement \(maximumAge.days) days later, on \(due)")
    }
}

/// Planning.md 2, "Node pool image": the image family's own end of life.
public enum ImageFamilyEndOfLifeRule {
    public static func evaluate(family: String, images: NodeImageIndex) -> SupportVerdict? {
        guard let end = images.familyEndOfLife(family) else { return nil }
        return SupportVerdict(.imageFamilyEndOfLife, .on(end), "image family \(family) reaches end of life on \(end)")
    }
}
