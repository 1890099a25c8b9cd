import Dispatch
import Foundation

/// `upkeep plan --format json`: the canonical plan file of outputs.md (keys sorted, two-space indent,
/// steps in plan order). The YAML output renders the same value.
public enum PlanJSONRenderer {
    public static func value(_ plan: Plan) -> JSONValue {
        .object([
            "schemaVersion": .int(1),
            "asOf": .string(plan.asOf.description),
            "horizonEnd": .string(plan.horizonEnd.description),
            "inputs": .array(plan.inputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
            "summary": summary(plan),
            "steps": .array(plan.steps.map(step)),
            "findings": .array(plan.findings.map(\.json)),
            "clusters": .array(plan.clusters.map(cluster)),
        ])
    }

    public static func render(_ plan: Plan) -> String {
        String(decoding: renderBytes(plan), as: UTF8.self)
    }

    /// The same document as `value(plan).rendered()`, written one step at a time so that a plan of tens
    /// of thousands of steps is never held as one tree.
    public static func renderBytes(_ plan: Plan) -> [UInt8] {
        var all: [UInt8] = []
        all.reserveCapacity(plan.steps.count * 1300 + 4096)
        write(plan) { all.append(contentsOf: $0) }
        return all
    }

    /// Writes the plan piece by piece to `emit` (a file, a buffer): a plan of tens of thousands of steps
    /// is never held twice.
    public static func write(_ plan: Plan, _ emit: ([UInt8]) throws -> Void) rethrows {
        var writer = JSONWriter(capacity: 64 * 1024)
        func list(_ key: StaticString, _ items: Int, last: Bool = false, _ element: (Int) -> JSONValue) {
            writer.indent(2)
            writer.raw("\"")
            writer.raw(key)
            writer.raw("\": ")
            if items == 0 {
                writer.raw("[]")
            } else {
                writer.raw("[\n")
                for index in 0..<items {
                    writer.indent(4)
                    writer.write(element(index), indent: 4)
                    if index < items - 1 { writer.raw(",") }
                    writer.newline()
                }
                writer.indent(2)
                writer.raw("]")
            }
            writer.raw(last ? "\n" : ",\n")
        }
        func member(_ key: StaticString, _ value: JSONValue) {
            writer.indent(2)
            writer.raw("\"")
            writer.raw(key)
            writer.raw("\": ")
            writer.write(value, indent: 2)
            writer.raw(",\n")
        }
        // Keys in sorted order, as `value(plan)` would write them.
        writer.raw("{\n")
        member("asOf", .string(plan.asOf.description))
        list("clusters", plan.clusters.count) { cluster(plan.clusters[$0]) }
        list("findings", plan.findings.count) { plan.findings[$0].json }
        member("horizonEnd", .string(plan.horizonEnd.description))
        list("inputs", plan.inputs.count) { .object(["path": .string(plan.inputs[$0].path), "sha256": .string(plan.inputs[$0].sha256)]) }
        member("schemaVersion", .int(1))
        try emit(writer.bytes)
        writer = JSONWriter()
        try writeSteps(plan.steps, emit)
        writer.indent(2)
        writer.raw("\"summary\": ")
        writer.write(summary(plan), indent: 2)
        writer.raw("\n}\n")
        try emit(writer.bytes)
    }

    /// The steps, the bulk of a large plan: written without building a tree, in two halves at once
    /// where there are many. The bytes are those `step(_:)` gives (a test keeps the two equal).
    static func writeSteps(_ steps: [PlanStep], _ emit: ([UInt8]) throws -> Void) rethrows {
        var head = JSONWriter()
        head.indent(2)
        guard !steps.isEmpty else {
            head.raw("\"steps\": [],\n")
            try emit(head.bytes)
            return
        }
        head.raw("\"steps\": [\n")
        try emit(head.bytes)
        // Blocks of steps, each block written in two halves at once.
        let block = 8000
        for blockStart in stride(from: 0, to: steps.count, by: block) {
            let blockEnd = min(steps.count, blockStart + block)
            let parts = blockEnd - blockStart > 2000 ? 2 : 1
            let size = (blockEnd - blockStart + parts - 1) / parts
            let chunks = ChunkBuffers(count: parts)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var local = JSONWriter(capacity: size * 1300)
                for index in (blockStart + part * size)..<min(blockEnd, blockStart + (part + 1) * size) {
                    local.indent(4)
                    writeStep(steps[index], into: &local)
                    if index < steps.count - 1 { local.raw(",") }
                    local.newline()
                }
                chunks.store(part, local.bytes)
            }
            for part in 0..<parts { try emit(chunks.bytes(part)) }
        }
        var tail = JSONWriter()
        tail.indent(2)
        tail.raw("],\n")
        try emit(tail.bytes)
    }

    /// One step object at indent 4, keys in sorted order.
    static func writeStep(_ step: PlanStep, into writer: inout JSONWriter) {
        func key(_ name: StaticString) {
            writer.indent(6)
            writer.raw("\"")
            writer.raw(name)
            writer.raw("\": ")
        }
        func strings(_ values: [String]) {
            guard !values.isEmpty else { writer.raw("[]"); return }
            writer.raw("[\n")
            for (index, value) in values.enumerated() {
                writer.indent(8)
                writer.writeString(value)
                writer.raw(index < values.count - 1 ? ",\n" : "\n")
            }
            writer.indent(6)
            writer.raw("]")
        }
        func optional(_ value: String?) {
            if let value { writer.writeString(value) } else { writer.raw("null") }
        }
        writer.raw("{\n")
        key("after"); strings(step.after); writer.raw(",\n")
        if let cluster = step.cluster { key("cluster"); writer.writeString(cluster); writer.raw(",\n") }
        key("due"); optional(step.due?.description); writer.raw(",\n")
        key("dueReason"); optional(step.dueReason); writer.raw(",\n")
        key("end"); optional(step.end?.description); writer.raw(",\n")
        key("estimatedMinutes"); writer.append(Array(String(step.estimatedMinutes).utf8)); writer.raw(",\n")
        key("fixes"); strings(step.fixes); writer.raw(",\n")
        key("from"); writer.writeString(step.from); writer.raw(",\n")
        key("id"); writer.writeString(step.id); writer.raw(",\n")
        key("kind"); writer.writeString(step.kind.rawValue); writer.raw(",\n")
        key("knownIssues"); strings(step.knownIssues); writer.raw(",\n")
        if let management = step.managementCluster { key("managementCluster"); writer.writeString(management); writer.raw(",\n") }
        if step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade {
            key("nodeImages")
            if step.nodeImages.isEmpty {
                writer.raw("[]")
            } else {
                writer.raw("[\n")
                for (index, change) in step.nodeImages.enumerated() {
                    writer.indent(8); writer.raw("{\n")
                    writer.indent(10); writer.raw("\"from\": "); writer.writeString(change.from); writer.raw(",\n")
                    writer.indent(10); writer.raw("\"nodePool\": "); writer.writeString(change.nodePool); writer.raw(",\n")
                    writer.indent(10); writer.raw("\"to\": "); writer.writeString(change.to); writer.raw("\n")
                    writer.indent(8); writer.raw(index < step.nodeImages.count - 1 ? "},\n" : "}\n")
                }
                writer.indent(6)
                writer.raw("]")
            }
            writer.raw(",\n")
        }
        if let pool = step.nodePool { key("nodePool"); writer.writeString(pool); writer.raw(",\n") }
        key("order"); writer.append(Array(String(step.order).utf8)); writer.raw(",\n")
        key("reasons"); strings(step.reasons); writer.raw(",\n")
        key("start"); optional(step.start?.description); writer.raw(",\n")
        key("status"); writer.writeString(step.status.rawValue); writer.raw(",\n")
        key("to"); writer.writeString(step.to); writer.raw(",\n")
        key("window")
        if let occurrence = step.occurrence {
            writer.raw("{\n")
            writer.indent(8); writer.raw("\"end\": "); writer.writeString(occurrence.end.description); writer.raw(",\n")
            writer.indent(8); writer.raw("\"name\": "); writer.writeString(occurrence.window); writer.raw(",\n")
            writer.indent(8); writer.raw("\"start\": "); writer.writeString(occurrence.start.description); writer.raw("\n")
            writer.indent(6); writer.raw("}")
        } else {
            writer.raw("null")
        }
        writer.raw("\n")
        writer.indent(4)
        writer.raw("}")
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

    static func step(_ step: PlanStep) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(step.id),
            "order": .int(step.order),
            "kind": .string(step.kind.rawValue),
            "from": .string(step.from),
            "to": .string(step.to),
            "window": step.occurrence.map { .object(["name": .string($0.window), "start": .string($0.start.description), "end": .string($0.end.description)]) } ?? .null,
            "start": .string(step.start?.description),
            "end": .string(step.end?.description),
            "estimatedMinutes": .int(step.estimatedMinutes),
            "due": .date(step.due),
            "dueReason": .string(step.dueReason),
            "status": .string(step.status.rawValue),
            "after": .array(step.after.map { .string($0) }),
            "reasons": .array(step.reasons.map { .string($0) }),
            "fixes": .array(step.fixes.map { .string($0) }),
            "knownIssues": .array(step.knownIssues.map { .string($0) }),
        ]
        if let cluster = step.cluster { members["cluster"] = .string(cluster) }
        if let management = step.managementCluster { members["managementCluster"] = .string(management) }
        if let pool = step.nodePool { members["nodePool"] = .string(pool) }
        if step.kind == .kubernetesUpgrade || step.kind == .nodePoolUpgrade {
            members["nodeImages"] = .array(step.nodeImages.map { .object(["nodePool": .string($0.nodePool), "from": .string($0.from), "to": .string($0.to)]) })
        }
        return .object(members)
    }

    static func cluster(_ cluster: Plan.ClusterSummary) -> JSONValue {
        .object([
            "name": .string(cluster.name),
            "kubernetes": .object(["current": .string(cluster.current), "target": .string(cluster.target), "supportedUntil": .date(cluster.supportedUntil)]),
            "nodePools": .array(cluster.nodePools.map { pool in
                .object([
                    "name": .string(pool.name),
                    "kubernetes": .object(["current": .string(pool.current), "target": .string(pool.target)]),
                    "nodeImage": .object(["current": .string(pool.image), "target": .string(pool.targetImage)]),
                ])
            }),
        ])
    }
}

/// Where each half of the steps is written; each part writes only its own index, under a lock.
private final class ChunkBuffers: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[UInt8]]

    init(count: Int) {
        parts = Array(repeating: [], count: count)
    }

    func store(_ index: Int, _ bytes: [UInt8]) {
        lock.lock()
        parts[index] = bytes
        lock.unlock()
    }

    func bytes(_ index: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return parts[index]
    }
}
