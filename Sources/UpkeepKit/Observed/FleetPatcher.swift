/// Rewrites the values a drift changed, each where the fleet file writes it, and nothing else: every other
/// byte (comments, order, spacing, the operator's fields) stays as it was. A value is written in the style
/// it had (plain, single- or double-quoted), quoted when plain text would read as something else.
public enum FleetPatcher {
    public struct Result: Sendable {
        public var bytes: [UInt8]
        /// The changes written.
        public var written: [FleetDrift.Change]
        /// The changes the file keeps as it is, each with why (a cluster or pool on one side only is the
        /// operator's to add or remove; a value the fleet does not write has no place to go).
        public var notWritten: [(change: FleetDrift.Change, reason: String)]
    }

    public static func apply(_ drift: FleetDrift, to bytes: [UInt8]) -> Result {
        var edits: [(range: Range<Int>, text: [UInt8], change: FleetDrift.Change)] = []
        var notWritten: [(change: FleetDrift.Change, reason: String)] = []
        // Where each line starts, found once: a month's node images change every pool of the fleet.
        var lineStarts = [0]
        if drift.changes.contains(where: { $0.kind == .changed }) {
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        }
        for change in drift.changes {
            switch change.kind {
            case .observedOnly:
                notWritten.append((change, "add it to the fleet with its window and ring, if it is to be planned"))
            case .fleetOnly:
                notWritten.append((change, "remove it from the fleet if it is gone, or export it again"))
            case .changed:
                guard let scalar = change.fleetScalar, let value = change.observedValue else {
                    let reason = change.note ?? (change.field == "kubelet versions"
                        ? "the nodes do not name their pools: set each pool's kubernetesVersion"
                        : "the fleet does not write \(change.field ?? "it") here; add it")
                    notWritten.append((change, reason))
                    continue
                }
                guard !change.valueIsShared else {
                    notWritten.append((change, "the fleet writes this value once for several clusters or pools (an anchor); edit it by hand"))
                    continue
                }
                guard let range = sourceRange(of: scalar, in: bytes, lineStarts: lineStarts) else {
                    notWritten.append((change, "the value is not written on one line where it starts; edit it by hand"))
                    continue
                }
                edits.append((range, Array(rendered(value, like: scalar.style).utf8), change))
            }
        }
        // Copied once: the edits in file order between the bytes that stay; reported in the drift's order.
        var patched: [UInt8] = []
        patched.reserveCapacity(bytes.count)
        var isWritten = Array(repeating: false, count: edits.count)
        var kept = 0
        for index in edits.indices.sorted(by: { edits[$0].range.lowerBound < edits[$1].range.lowerBound }) {
            let edit = edits[index]
            guard edit.range.lowerBound >= kept else {
                notWritten.append((edit.change, "another change is written over the same text; edit it by hand"))
                continue
            }
            patched += bytes[kept..<edit.range.lowerBound]
            patched += edit.text
            kept = edit.range.upperBound
            isWritten[index] = true
        }
        patched += bytes[kept...]
        return Result(bytes: patched, written: edits.indices.filter { isWritten[$0] }.map { edits[$0].change }, notWritten: notWritten)
    }

    /// The bytes a single-line scalar takes in the file, from its mark (1-based line and column; libyaml counts
    /// columns in characters) and where each line of the file starts. Nil when what is there is not the scalar as read.
    static func sourceRange(of scalar: YAMLScalar, in bytes: [UInt8], lineStarts: [Int]) -> Range<Int>? {
        guard scalar.mark.line >= 1, Int(scalar.mark.line) <= lineStarts.count else { return nil }
        var offset = lineStarts[Int(scalar.mark.line) - 1]
        // Columns count characters: skip the UTF-8 continuation bytes.
        var column: Int32 = 1
        while column < scalar.mark.column, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        let start = offset
        switch scalar.style {
        case .plain:
            let text = Array(scalar.text.utf8)
            guard start + text.count <= bytes.count, Array(bytes[start..<(start + text.count)]) == text else { return nil }
            return start..<(start + text.count)
        case .doubleQuoted, .singleQuoted:
            let quote = UInt8(ascii: scalar.style == .doubleQuoted ? "\"" : "'")
            guard start < bytes.count, bytes[start] == quote else { return nil }
            var index = start + 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
                if scalar.style == .doubleQuoted, bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == quote {
                    if scalar.style == .singleQuoted, index + 1 < bytes.count, bytes[index + 1] == quote { index += 2; continue }
                    return start..<(index + 1)
                }
                index += 1
            }
            return nil
        case .literal, .folded:
            return nil
        }
    }

    /// `value` written in `style` (single quotes only when they can hold it); plain only when it reads back as the same text (letters, digits, `.`,
    /// `-`, `_`, `+`, not starting with a sign or a dot), double-quoted otherwise.
    static func rendered(_ value: String, like style: ScalarStyle) -> String {
        switch style {
        case .singleQuoted where value.unicodeScalars.allSatisfy(YAMLWriter.standsForItself):
            // Single quotes escape nothing but themselves: a value with a control character or a line break is double-quoted.
            return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .plain where isPlainSafe(value):
            return value
        default:
            return YAMLWriter.quoted(value)
        }
    }

    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_+".unicodeScalars.contains(scalar))
        }
    }
}
