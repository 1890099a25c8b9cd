/// Decodes our `SecurityAdvisory` form.
enum SecurityAdvisoryDecoder {
    static func decode(_ root: Fields, _ context: DecodingContext) -> SecurityAdvisory? {
        let id = root.required("id").flatMap { context.name($0, "id") }
        let aliases = root["aliases"].map { context.list($0, "aliases") { context.name($0, "aliases") } } ?? []
        let published = root.required("published").flatMap { context.date($0, "published") }
        // `severity: unknown`: no record gives it; the deadline then counts as a high advisory's (the stricter
        // assumption: a later deadline could leave a serious advisory open), and validation says so.
        let severityUnknown = root["severity"]?.scalar?.text == "unknown"
        var severity = severityUnknown ? nil : root["severity"].flatMap { context.choice($0, "severity", as: Severity.self) }
        let cvss = root["cvss"].flatMap { context.text($0, "cvss") }
        if let cvss, let node = root["cvss"] {
            if let score = CVSSScore.baseScore(vector: cvss) {
                if severity == nil { severity = CVSSScore.severity(score: score) }
            } else {
                context.error(node, "\"cvss\" is \"\(cvss)\", which is not a CVSS v3 vector (CVSS:3.1/AV:…/AC:…/PR:…/UI:…/S:…/C:…/I:…/A:…).")
            }
        }
        if root["severity"] == nil && root["cvss"] == nil {
            context.log.error(root.position, "the advisory has neither \"severity\" nor \"cvss\"; one is required to set its deadline.")
        }
        let summary = root["summary"].flatMap { context.text($0, "summary") } ?? ""
        let os = root["os"].flatMap { context.choice($0, "os", as: OperatingSystem.self) }
        var ranges: [AffectedRange] = []
        var imageFixes: [NodeImageFix] = []
        if let affects = root.required("affects"), let fields = context.fields(affects, "the advisory's \"affects\"", known: ["kubernetes", "nodeImages"]) {
            ranges = fields["kubernetes"].map { context.list($0, "kubernetes") { range($0, context) } } ?? []
            imageFixes = fields["nodeImages"].map { context.list($0, "nodeImages") { imageFix($0, context) } } ?? []
            if ranges.isEmpty && imageFixes.isEmpty {
                context.log.warning(fields.position, "the advisory affects no Kubernetes version and no node image, so no cluster can be exposed to it.")
            }
        }
        guard let id else { return nil }
        return SecurityAdvisory(id: id, aliases: aliases.sorted(), published: published, severity: severity ?? (severityUnknown ? .high : .medium),
                                severityIsAssumed: severity == nil, cvss: cvss,
                                summary: summary, os: os, kubernetesRanges: ranges, nodeImageFixes: imageFixes, position: root.position)
    }

    private static func range(_ node: YAMLNode, _ context: DecodingContext) -> AffectedRange? {
        guard let fields = context.fields(node, "an affected range", known: ["introduced", "fixed", "lastAffected"]) else { return nil }
        var introduced: KubernetesVersion?
        if let node = fields["introduced"], node.scalar?.text != "0" {
            guard let version = context.kubernetesVersion(node, "introduced") else { return nil }
            introduced = version
        }
        let fixed = fields["fixed"].flatMap { context.kubernetesVersion($0, "fixed") }
        let last = fields["lastAffected"].flatMap { context.kubernetesVersion($0, "lastAffected") }
        if fields["fixed"] != nil && fields["lastAffected"] != nil {
            context.log.error(fields.position, "a range may end in \"fixed\" or \"lastAffected\", not both.")
            return nil
        }
        let end: AffectedRange.End = fixed.map { .fixed($0) } ?? last.map { .lastAffected($0) } ?? .unfixed
        if let introduced, let fixed, fixed <= introduced {
            context.log.error(fields.position, "the range is fixed in \(fixed), which is not after it was introduced in \(introduced).")
        }
        return AffectedRange(introduced: introduced, end: end)
    }

    private static func imageFix(_ node: YAMLNode, _ context: DecodingContext) -> NodeImageFix? {
        guard let fields = context.fields(node, "a node image fix", known: ["family", "fixed"]) else { return nil }
        let family = fields.required("family").flatMap { context.name($0, "family") }
        let fixed = fields.required("fixed").flatMap { context.nodeImageVersion($0, "fixed") }
        guard let family, let fixed else { return nil }
        return NodeImageFix(family: family, fixed: fixed, position: fields.position)
    }
}
