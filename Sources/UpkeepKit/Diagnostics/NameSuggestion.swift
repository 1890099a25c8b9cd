/// Finds the existing names closest to a misspelt one, for "did you mean" hints.
public enum NameSuggestion {
    /// Every candidate tied at the smallest edit distance, sorted; empty when nothing is close enough to
    /// be a plausible typo (more than half the name would have to change).
    public static func closest(to name: String, among candidates: [String]) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        var best = Int.max
        var matches: [String] = []
        for candidate in Set(candidates) {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance < best {
                best = distance
                matches = [candidate]
            } else if distance == best {
                matches.append(candidate)
            }
        }
        let limit = max(2, (target.count + 1) / 2)
        guard best <= limit else { return [] }
        return matches.sorted { UTF8Order.precedes($0, $1) }
    }

    /// The known names a key is most likely a misspelling of: within edit distance 2, and less than half the key
    /// (so that a short key is never taken for another); empty when none is that close.
    public static func misspelling(of name: String, among candidates: [String]) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let close = Set(candidates).compactMap { candidate -> (String, Int)? in
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            return distance <= 2 && distance * 2 < target.count ? (candidate, distance) : nil
        }
        guard let best = close.map(\.1).min() else { return [] }
        return close.filter { $0.1 == best }.map(\.0).sorted { UTF8Order.precedes($0, $1) }
    }

    /// The end of a sentence about a misspelt name: `; did you mean "a" or "b"?`, or `.` when nothing
    /// is close.
    public static func sentenceEnding(for name: String, among candidates: [String]) -> String {
        let names = closest(to: name, among: candidates)
        guard !names.isEmpty else { return "." }
        let quoted = names.map { "\"\($0)\"" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
        return "; did you mean \(list)?"
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
