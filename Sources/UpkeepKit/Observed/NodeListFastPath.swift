/// `kubectl get nodes -o json` files are most of what an inventory reads (a fleet of ten thousand clusters has
/// a quarter of a million nodes): a well-formed one is scanned once, in place, for the three values Upkeep reads
/// (the list's `kind`, each item's `kind` and `status.nodeInfo.kubeletVersion`), skipping everything else
/// without building anything. A file it cannot take whole — not a node list, malformed JSON, a node without a
/// kubelet version, a version that is none, an escaped string or a repeated key on the way to a value it reads —
/// goes to the located reader instead, which names the line and column of each problem. A key repeated among the
/// values it skips is not looked for (JSON leaves that to the writer, and kubectl never repeats one): such a file
/// gives its facts here, where the located reader would report the repeat. The facts are placed where the located
/// reader places them: at the first node.
enum NodeListFastPath {
    /// The cluster a well-formed node list gives; nil for anything else (the located reader decides what it is).
    static func cluster(_ bytes: [UInt8], path: String) -> ObservedCluster? {
        let scanned: (kind: String, items: [(kind: String?, kubelet: String?)], first: Mark?)? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard let list = scanner.nodeList() else { return nil }
            return (list.kind, list.items, mark(of: scanner.firstItem, in: buffer))
        }
        guard let scanned, ["List", "NodeList"].contains(scanned.kind), !scanned.items.isEmpty, let first = scanned.first else { return nil }
        var versions = Set<KubernetesVersion>()
        for item in scanned.items {
            guard item.kind == "Node", let text = item.kubelet else { return nil }
            guard let version = KubernetesVersion(parsing: text) else { return nil }
            versions.insert(version)
        }
        let position = SourcePosition(path: path, line: Int(first.line), column: Int(first.column))
        var cluster = ObservedCluster(name: ObservedExportReader.clusterName(fromPath: path), position: position)
        cluster.kubeletVersions = ObservedFact(versions.sorted(), source: .kubectlNodes, position: position)
        return cluster
    }

    /// The line and column libyaml gives the byte at `offset` (columns count characters, CR LF is one break);
    /// nil before a lone CR, which libyaml also counts as a break.
    static func mark(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Mark? {
        var line: Int32 = 1, column: Int32 = 1
        for index in 0..<min(offset, bytes.count) {
            switch bytes[index] {
            case UInt8(ascii: "\n"): line += 1; column = 1
            case UInt8(ascii: "\r"):
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { return nil }
                column += 1
            case 0x80...0xBF: break  // a UTF-8 continuation byte: the same character
            default: column += 1
            }
        }
        return Mark(line: line, column: column)
    }

    /// A JSON scanner over bytes that knows where it is only as deep as a node list needs; nil on anything it
    /// does not take (malformed JSON, nesting deeper than 64, an escaped string it would have to read).
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0
        /// Where the first item of the list starts.
        var firstItem = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func nodeList() -> (kind: String, items: [(kind: String?, kubelet: String?)])? {
            var kind: String?
            var items: [(kind: String?, kubelet: String?)] = []
            // A key it reads that is given twice leaves the file to the located reader, which reports it.
            var sawItems = false
            let ok = object { scanner, key in
                if scanner.equal(key, "kind") {
                    guard kind == nil else { return false }
                    kind = scanner.plainString()
                    return kind != nil
                }
                guard scanner.equal(key, "items") else { return scanner.skipValue() }
                guard !sawItems else { return false }
                sawItems = true
                return scanner.array { scanner in
                    if items.isEmpty {
                        scanner.skipSpace()
                        scanner.firstItem = scanner.index
                    }
                    var item: (kind: String?, kubelet: String?) = (nil, nil)
                    var sawStatus = false, sawNodeInfo = false
                    let ok = scanner.object { scanner, key in
                        if scanner.equal(key, "kind") {
                            guard item.kind == nil else { return false }
                            item.kind = scanner.plainString()
                            return item.kind != nil
                        }
                        guard scanner.equal(key, "status") else { return scanner.skipValue() }
                        guard !sawStatus else { return false }
                        sawStatus = true
                        return scanner.object { scanner, key in
                            guard scanner.equal(key, "nodeInfo") else { return scanner.skipValue() }
                            guard !sawNodeInfo else { return false }
                            sawNodeInfo = true
                            return scanner.object { scanner, key in
                                guard scanner.equal(key, "kubeletVersion") else { return scanner.skipValue() }
                                guard item.kubelet == nil else { return false }
                                item.kubelet = scanner.plainString()
                                return item.kubelet != nil
                            }
                        }
                    }
                    items.append(item)
                    return ok
                }
            }
            skipSpace()
            guard ok, index == bytes.count, let kind else { return nil }
            return (kind, items)
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        /// A key, as the bytes it is written with, is `text` (keys are compared without making strings of them).
        func equal(_ key: Range<Int>, _ text: StaticString) -> Bool {
            guard key.count == text.utf8CodeUnitCount else { return false }
            for offset in 0..<key.count where bytes[key.lowerBound + offset] != text.utf8Start[offset] { return false }
            return true
        }

        /// An object, handing each key (its bytes' range; unescaped keys only) and the scanner at its value to `member`.
        mutating func object(_ member: (inout Scanner, Range<Int>) -> Bool) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), depth < 64 else { return false }
            index += 1
            depth += 1
            defer { depth -= 1 }
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return true }
            while true {
                skipSpace()
                guard let key = plainStringRange() else { return false }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                index += 1
                guard member(&self, key) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return true }
                return false
            }
        }

        mutating func array(_ element: (inout Scanner) -> Bool) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "["), depth < 64 else { return false }
            index += 1
            depth += 1
            defer { depth -= 1 }
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return true }
            while true {
                guard element(&self) else { return false }
                skipSpace()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return true }
                return false
            }
        }

        /// A string without escapes, as text (nil for one with escapes or control characters: the located reader reads those).
        mutating func plainString() -> String? {
            plainStringRange().map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }

        /// Where the bytes of a string without escapes are.
        mutating func plainStringRange() -> Range<Int>? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            index = end + 1
            return start..<end
        }

        mutating func skipString() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): index += 1; return true
                case UInt8(ascii: "\\"): index += 2
                case 0..<0x20: return false
                default: index += 1
                }
            }
            return false
        }

        mutating func skipValue() -> Bool {
            skipSpace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object { scanner, _ in scanner.skipValue() }
            case UInt8(ascii: "["): return array { scanner in scanner.skipValue() }
            case UInt8(ascii: "\""): return skipString()
            default:
                guard let end = JSONGrammar.wordEnd(bytes, from: index) ?? JSONGrammar.numberEnd(bytes, from: index) else { return false }
                index = end
                return true
            }
        }
    }
}
