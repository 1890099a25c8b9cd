import Dispatch
import Foundation

/// `upkeep plan --format json`: the canonical plan file of outputs.md (keys sorted, two-space indent,
/// steps in plan order). Each step, finding and cluster is a block of one line per key; what is nested
/// inside one of them (a step's window, its lists, a cluster's pools) is written on its key's line, as
/// in outputs.md's example. The YAML output renders the same value.
public enum PlanJSONRenderer {
    /// Arrays and objects this deep (the root is 0; a step is 2) are written on one line.
    public static let inlineDepth = 3

    /// The plan as a value (what the YAML output renders), read back from the JSON bytes: the shape is
    /// defined once, by the writer below.
    public static func value(_ plan: Plan) -> JSONValue {
        JSONValue.decode(renderBytes(plan)) ?? .null
    }

    /// One step as the plan file writes it: the one step shape that `upkeep explain` and `upkeep diff` write too.
    public static func stepValue(_ step: PlanStep) -> JSONValue {
        var writer = JSONWriter(capacity: 1024)
        writeStep(step, into: &writer)
        return JSONValue.decode(writer.bytes) ?? .null
    }

    public static func render(_ plan: Plan) -> String {
        String(decoding: renderBytes(plan), as: UTF8.self)
    }

    /// The whole document, written one step at a time so that a plan of tens of thousands of steps is
    /// never held as one tree.
    public static func renderBytes(_ plan: Plan) -> [UInt8] {
        var all: [UInt8] = []
        all.reserveCapacity(plan.steps.count * 1300 + 4096)
        write(plan) { all.append(contentsOf: $0) }
        return all
    }

    /// A part of the document: fixed text, or a run of list elements rendered on their own.
    enum Piece: Sendable {
        case text([UInt8])
        case clusters(Range<Int>)
        case findings(Range<Int>)
        case steps(Range<Int>)
    }

    /// Writes the plan piece by piece to `emit` (a file, a buffer): the pieces are rendered on other
    /// threads, a few ahead of the one being written, and a plan of tens of thousands of steps is never
    /// held whole. `elementsPerPiece` only matters to tests, which make it small to cross piece edges.
    public static func write(_ plan: Plan, elementsPerPiece: Int = 2000, _ emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let pieces = pieces(of: plan, elementsPerPiece: max(1, elementsPerPiece))
        try OrderedPipeline.run(pieces: pieces.count, render: { render(pieces[$0], of: plan, into: &$1) }, emit: emit)
    }

    /// The document's pieces in order, keys sorted.
    static func pieces(of plan: Plan, elementsPerPiece: Int) -> [Piece] {
        var pieces: [Piece] = []
        var text = JSONWriter()
        func list(_ key: StaticString, _ count: Int, _ piece: (Range<Int>) -> Piece) {
            text.key(key, indent: 2)
            guard count > 0 else { text.raw("[],\n"); return }
            text.raw("[\n")
            pieces.append(.text(text.bytes))
            text = JSONWriter()
            for start in stride(from: 0, to: count, by: elementsPerPiece) {
                pieces.append(piece(start..<min(count, start + elementsPerPiece)))
            }
            text.indent(2)
            text.raw("],\n")
        }
        text.raw("{\n")
        text.key("asOf", indent: 2); text.writeString(plan.asOf.description); text.raw(",\n")
        list("clusters", plan.clusters.count) { .clusters($0) }
        list("findings", plan.findings.count) { .findings($0) }
        text.key("horizonEnd", indent: 2); text.writeString(plan.horizonEnd.description); text.raw(",\n")
        text.key("inputs", indent: 2)
        text.write(.array(plan.inputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }), indent: 2)
        text.raw(",\n")
        // A few rows (one per management cluster): written whole.
        text.key("managementClusters", indent: 2)
        text.write(.array(plan.managementClusters.map(management)), indent: 2, inlineFrom: inlineDepth - 1)
        text.raw(",\n")
        text.key("schemaVersion", indent: 2); text.raw("1,\n")
        list("steps", plan.steps.count) { .steps($0) }
        text.key("summary", indent: 2)
        text.write(summary(plan), indent: 2)
        if let view = plan.view {
            text.raw(",\n")
            text.key("view", indent: 2)
            text.write(view.json, indent: 2)
        }
        text.raw("\n}\n")
        pieces.append(.text(text.bytes))
        return pieces
    }

    static func render(_ piece: Piece, of plan: Plan, into writer: inout JSONWriter) {
        func elements(_ range: Range<Int>, count: Int, _ body: (Int, inout JSONWriter) -> Void) {
            for index in range {
                writer.indent(4)
                body(index, &writer)
                if index < count - 1 { writer.raw(",") }
                writer.newline()
            }
        }
        switch piece {
        case .text(let bytes): writer.append(bytes)
        case .clusters(let range): elements(range, count: plan.clusters.count) { writeCluster(plan.clusters[$0], into: &$1) }
        case .findings(let range): elements(range, count: plan.findings.count) { writeFinding(plan.findings[$0], into: &$1) }
        case .steps(let range): elements(range, count: plan.steps.count) { writeStep(plan.steps[$0], into: &$1) }
        }
    }

    /// One step object at indent 4, keys in sorted order. Each key
    /// is written with the punctuation and indentation around it in one piece.
    static func writeStep(_ step: PlanStep, into writer: inout JSONWriter) {
        func strings(_ values: [String]) {
            writer.raw("[")
            // By position: the texts are shared between steps, and copying them out would touch
            // reference counts other threads use.
            values.withUnsafeBufferPointer { values in
                for index in values.indices {
                    if index > 0 { writer.raw(", ") }
                    writer.writeString(values[index])
                }
            }
            writer.raw("]")
        }
        writer.raw("{\n      \"after\": "); strings(step.after)
        if let cluster = step.cluster { writer.raw(",\n      \"cluster\": "); writer.writeString(cluster) }
        writer.raw(",\n      \"due\": "); writer.writeDate(step.due)
        writer.raw(",\n      \"dueReason\": "); writer.writeString(step.dueReason)
        writer.raw(",\n      \"end\": "); writer.writeInstant(step.end)
        writer.raw(",\n      \"estimatedMinutes\": "); writer.writeInt(step.estimatedMinutes)
        writer.raw(",\n      \"fixes\": "); strings(step.fixes)
        writer.raw(",\n      \"from\": "); writer.writeString(step.from)
        writer.raw(",\n      \"id\": "); writer.writeString(step.id)
        writer.raw(",\n      \"kind\": "); writer.writeString(step.kind.rawValue)
        writer.raw(",\n      \"knownIssues\": "); strings(step.knownIssues)
        if let management = step.managementCluster { writer.raw(",\n      \"managementCluster\": "); writer.writeString(management) }
        if step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade {
            writer.raw(",\n      \"nodeImages\": [")
            for (index, change) in step.nodeImages.enumerated() {
                writer.raw(index > 0 ? ", {\"from\": " : "{\"from\": "); writer.writeString(change.from)
                writer.raw(", \"nodePool\": "); writer.writeString(change.nodePool)
                writer.raw(", \"to\": "); writer.writeString(change.to)
                writer.raw("}")
            }
            writer.raw("]")
        }
        if let pool = step.nodePool { writer.raw(",\n      \"nodePool\": "); writer.writeString(pool) }
        writer.raw(",\n      \"order\": "); writer.writeInt(step.order)
        writer.raw(",\n      \"reasons\": "); strings(step.reasons)
        writer.raw(",\n      \"start\": "); writer.writeInstant(step.start)
        writer.raw(",\n      \"status\": "); writer.writeString(step.status.rawValue)
        // `PlanStep.subject`, written without building it.
        writer.raw(",\n      \"subject\": ")
        if let cluster = step.cluster { writer.writeString(cluster, prefix: "cluster/") } else { writer.writeString(step.managementCluster ?? "", prefix: "management-cluster/") }
        writer.raw(",\n      \"to\": "); writer.writeString(step.to)
        writer.raw(",\n      \"window\": ")
        if let occurrence = step.occurrence {
            writer.raw("{\"end\": "); writer.writeInstant(occurrence.end)
            writer.raw(", \"name\": "); writer.writeString(occurrence.window)
            writer.raw(", \"start\": "); writer.writeInstant(occurrence.start)
            writer.raw("}")
        } else {
            writer.raw("null")
        }
        writer.raw("\n    }")
    }

    /// One cluster row at indent 4, in the plan's layout.
    static func writeCluster(_ cluster: Plan.ClusterSummary, into writer: inout JSONWriter) {
        writer.raw("{\n      \"kubernetes\": {\"current\": "); writer.writeString(cluster.current)
        writer.raw(", \"reasons\": [")
        for (index, reason) in cluster.supportReasons.enumerated() {
            if index > 0 { writer.raw(", ") }
            writer.writeString(reason)
        }
        writer.raw("], \"reasonsAfterPlan\": [")
        for (index, reason) in cluster.supportReasonsAfterPlan.enumerated() {
            if index > 0 { writer.raw(", ") }
            writer.writeString(reason)
        }
        writer.raw("], \"supportedUntil\": "); writer.writeDate(cluster.supportedUntil)
        writer.raw(", \"supportedUntilAfterPlan\": "); writer.writeDate(cluster.supportedUntilAfterPlan)
        writer.raw(", \"target\": "); writer.writeString(cluster.target)
        writer.raw("},\n      \"name\": "); writer.writeString(cluster.name)
        writer.raw(",\n      \"nodePools\": [")
        for (index, pool) in cluster.nodePools.enumerated() {
            writer.raw(index > 0 ? ", {\"kubernetes\": {\"current\": " : "{\"kubernetes\": {\"current\": "); writer.writeString(pool.current)
            writer.raw(", \"target\": "); writer.writeString(pool.target)
            writer.raw("}, \"name\": "); writer.writeString(pool.name)
            writer.raw(", \"nodeImage\": {\"current\": "); writer.writeString(pool.image)
            writer.raw(", \"target\": "); writer.writeString(pool.targetImage)
            writer.raw("}}")
        }
        writer.raw("]")
        if let support = cluster.support {
            writer.raw(",\n      \"support\": {\"supported\": ")
            switch support.state {
            case .supported: writer.raw("true")
            case .outOfSupport: writer.raw("false")
            case .unknown: writer.raw("\"unknown\"")
            }
            if let name = support.through, let reason = support.inherited {
                writer.raw(", \"through\": {\"managementCluster\": "); writer.writeString(name)
                writer.raw(", \"reason\": "); writer.writeString(reason); writer.raw("}")
            } else {
                writer.raw(", \"through\": null")
            }
            writer.raw(", \"unknownBecause\": "); writer.writeString(support.unknownBecause)
            writer.raw(", \"until\": "); writer.writeDate(support.until)
            writer.raw("}")
        }
        writer.raw("\n    }")
    }

    /// The one verdict on `asOf` (SupportAnswer): `supported` is true, false or "unknown".
    static func support(_ answer: SupportAnswer) -> JSONValue {
        .object([
            "supported": StatusJSONRenderer.supported(answer),
            "through": StatusJSONRenderer.through(answer),
            "unknownBecause": .string(answer.unknownBecause),
            "until": .date(answer.until),
        ])
    }

    /// A management cluster's row: its release now and after the plan, and its support before and after.
    static func management(_ row: Plan.ManagementSummary) -> JSONValue {
        .object([
            "name": .string(row.name),
            "platform": .string(row.platform),
            "release": .object([
                "current": .string(row.current),
                "target": .string(row.target),
                "supportedUntil": .date(row.supportedUntil),
                "reasons": .array(row.supportReasons.map { .string($0) }),
                "supportedUntilAfterPlan": .date(row.supportedUntilAfterPlan),
                "reasonsAfterPlan": .array(row.supportReasonsAfterPlan.map { .string($0) }),
            ]),
            "support": row.support.map(support) ?? .null,
        ])
    }

    /// One finding at indent 4 (the bytes `Finding.json` renders to).
    static func writeFinding(_ finding: Finding, into writer: inout JSONWriter) {
        writer.raw("{\n")
        writer.key("code", indent: 6); writer.writeString(finding.code); writer.raw(",\n")
        writer.key("message", indent: 6); writer.writeString(finding.message); writer.raw(",\n")
        writer.key("position", indent: 6); writer.writeString(finding.position?.description); writer.raw(",\n")
        writer.key("severity", indent: 6); writer.writeString(finding.severity.rawValue); writer.raw(",\n")
        writer.key("subject", indent: 6); writer.writeString(finding.subject); writer.raw("\n")
        writer.indent(4); writer.raw("}")
    }

    static func summary(_ plan: Plan) -> JSONValue {
        .object([
            "clusters": .int(plan.clusters.count),
            "steps": .int(plan.steps.count),
            "late": .int(plan.lateCount),
            "blocked": .int(plan.blockedCount),
            "unschedulable": .int(plan.unschedulableCount),
            "errors": .int(plan.errorCount),
            "warnings": .int(plan.warningCount),
        ])
    }
}
