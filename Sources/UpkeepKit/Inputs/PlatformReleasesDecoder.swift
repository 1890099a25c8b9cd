/// Decodes a `PlatformReleases` document.
enum PlatformReleasesDecoder {
    static func decode(_ root: Fields, _ context: DecodingContext) -> PlatformReleaseFeed? {
        let platform = root.required("platform").flatMap { context.name($0, "platform") }
        var rules = PlatformRules()
        if let node = root["rules"], let fields = context.fields(node, "the platform rules", known: [
            "supportedMinors", "minorGracePeriod", "supportedReleases", "maxBehind", "updatesTo",
            "nodeImageOnlyUpdates", "certificateValidity", "releaseSupportMonths", "endOfSupport", "skipMinorsFromUnsupported",
        ]) {
            if let value = fields["supportedMinors"].flatMap({ context.integer($0, "supportedMinors", atLeast: 1, atMost: 50) }) { rules.supportedMinors = value }
            if let value = fields["minorGracePeriod"].flatMap({ context.timeSpan($0, "minorGracePeriod") }) { rules.minorGracePeriod = value }
            if let node = fields["supportedReleases"] {
                if Self.isNone(node) { rules.supportedReleases = nil } else if let value = context.integer(node, "supportedReleases", atLeast: 1, atMost: 50) { rules.supportedReleases = value }
            }
            if let node = fields["maxBehind"] {
                if Self.isNone(node) { rules.maxBehind = nil } else if let value = context.timeSpan(node, "maxBehind", positive: true) { rules.maxBehind = value }
            }
            if let node = fields["endOfSupport"] { retirement(node, into: &rules, context) }
            if let value = fields["releaseSupportMonths"].flatMap({ context.integer($0, "releaseSupportMonths", atLeast: 1, atMost: 120) }) { rules.releaseSupportMonths = value }
            if let value = fields["updatesTo"].flatMap({ context.choice($0, "updatesTo", as: PlatformUpdatesTo.self) }) { rules.updatesTo = value }
            if let value = fields["nodeImageOnlyUpdates"].flatMap({ context.boolean($0, "nodeImageOnlyUpdates") }) { rules.nodeImageOnlyUpdates = value }
            if let value = fields["skipMinorsFromUnsupported"].flatMap({ context.boolean($0, "skipMinorsFromUnsupported") }) { rules.skipMinorsFromUnsupported = value }
            if let value = fields["certificateValidity"].flatMap({ context.timeSpan($0, "certificateValidity", positive: true) }) { rules.certificateValidity = value }
        }
        let releases = root.required("releases").map { context.list($0, "releases") { release($0, context) } } ?? []
        context.reportDuplicateNames(releases.map { ($0.version.description, $0.position) }, kind: "release", scope: " in this feed")
        guard let platform else { return nil }
        return PlatformReleaseFeed(platform: platform, position: root.position, rules: rules,
                                   releases: releases.sorted { $0.version < $1.version })
    }

    /// `endOfSupport: DATE` (the platform retires on one day), or a mapping from host operating system to the
    /// first day the platform is not supported on it (`{ windows-server-2019: 2026-03-01, … }`).
    private static func retirement(_ node: YAMLNode, into rules: inout PlatformRules, _ context: DecodingContext) {
        guard case .mapping(let mapping) = node else {
            if let date = context.date(node, "endOfSupport") { rules.endOfSupport = date }
            return
        }
        var hosts: [HostEndOfSupport] = []
        for entry in mapping.entries {
            guard let date = context.date(entry.value, "endOfSupport.\(entry.key.text)") else { continue }
            if hosts.contains(where: { $0.host == entry.key.text }) {
                context.error(entry.value, "host \"\(entry.key.text)\" is given twice in endOfSupport.")
                continue
            }
            hosts.append(HostEndOfSupport(host: entry.key.text, date: date))
        }
        rules.endOfSupportByHost = hosts.sorted { ($0.date, $0.host) < ($1.date, $1.host) }
    }

    /// `none`: the rule does not apply to this platform.
    private static func isNone(_ node: YAMLNode) -> Bool {
        if case .scalar(let scalar) = node { return scalar.text == "none" }
        return false
    }

    private static func release(_ node: YAMLNode, _ context: DecodingContext) -> PlatformRelease? {
        guard let fields = context.fields(node, "a platform release", known: [
            "version", "released", "announced", "kubernetesVersions", "previewKubernetesVersions", "nodeImages", "fixes",
            "endOfSupport", "knownIssues",
        ]) else { return nil }
        let version = fields.required("version").flatMap { context.platformVersion($0, "version") }
        let released = fields.required("released").flatMap { context.date($0, "released") }
        let announced = fields["announced"].flatMap { context.date($0, "announced") }
        if let node = fields["announced"], let announced, let released, announced > released {
            context.error(node, "\"announced\" (\(announced)) is after \"released\" (\(released)); a release is announced on or before the day it comes out.")
        }
        let versionsNode = fields.required("kubernetesVersions")
        // `unknown`: the release exists, but no source publishes its Kubernetes versions.
        let published = versionsNode?.scalar?.text != "unknown"
        let kubernetes = published ? versionsNode.map { context.list($0, "kubernetesVersions") { context.kubernetesVersion($0, "kubernetesVersions") } } ?? [] : []
        let preview = fields["previewKubernetesVersions"].map { context.list($0, "previewKubernetesVersions") { context.kubernetesVersion($0, "previewKubernetesVersions") } } ?? []
        var images: [(family: String, version: String)] = []
        if let node = fields["nodeImages"] {
            if case .mapping(let mapping) = node {
                for entry in mapping.entries {
                    if let image = context.nodeImageVersion(entry.value, "nodeImages.\(entry.key.text)") {
                        images.append((entry.key.text, image.text))
                    }
                }
            } else {
                context.error(node, "\"nodeImages\" must map each image family to a version, not \(node.kindDescription).")
            }
        }
        let fixes = fields["fixes"].map { context.list($0, "fixes") { context.name($0, "fixes") } } ?? []
        let ends = fields["endOfSupport"].map { context.list($0, "endOfSupport") { endOfSupport($0, context) } } ?? []
        let issues = fields["knownIssues"].map { context.list($0, "knownIssues") { knownIssue($0, context) } } ?? []
        guard let version, let released else { return nil }
        return PlatformRelease(version: version, released: released, announced: announced, kubernetesVersions: kubernetes, versionsPublished: published,
                               previewKubernetesVersions: preview,
                               nodeImages: images.sorted { UTF8Order.precedes($0.family, $1.family) },
                               fixes: fixes, endOfSupport: ends, knownIssues: issues, position: fields.position)
    }

    private static func endOfSupport(_ node: YAMLNode, _ context: DecodingContext) -> MinorEndOfSupport? {
        guard let fields = context.fields(node, "an endOfSupport entry", known: ["minor", "date"]) else { return nil }
        let minor = fields.required("minor").flatMap { context.kubernetesMinor($0, "minor") }
        let date = fields.required("date").flatMap { context.date($0, "date") }
        guard let minor, let date else { return nil }
        return MinorEndOfSupport(minor: minor, date: date)
    }

    private static func knownIssue(_ node: YAMLNode, _ context: DecodingContext) -> KnownIssue? {
        guard let fields = context.fields(node, "a known issue", known: ["id", "summary", "affects", "workaround", "avoid"]) else { return nil }
        let id = fields.required("id").flatMap { context.name($0, "id") }
        let summary = fields["summary"].flatMap { context.text($0, "summary") } ?? ""
        var versions: [KubernetesVersion] = []
        var os: OperatingSystem?
        if let affects = fields["affects"], let affectFields = context.fields(affects, "the known issue's \"affects\"", known: ["kubernetesVersions", "os"]) {
            versions = affectFields["kubernetesVersions"].map { context.list($0, "kubernetesVersions") { context.kubernetesVersion($0, "kubernetesVersions") } } ?? []
            os = affectFields["os"].flatMap { context.choice($0, "os", as: OperatingSystem.self) }
        }
        let workaround = fields["workaround"].flatMap { context.text($0, "workaround") }
        let avoid = fields["avoid"].flatMap { context.boolean($0, "avoid") } ?? false
        guard let id else { return nil }
        return KnownIssue(id: id, summary: summary, affectedVersions: versions, affectedOS: os, workaround: workaround, avoid: avoid)
    }
}
