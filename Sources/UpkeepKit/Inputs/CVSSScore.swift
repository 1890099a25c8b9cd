/// The CVSS v3.x base score of a vector string (FIRST's CVSS v3.1 specification, section 7), used to set
/// an advisory's severity when no severity is given.
public enum CVSSScore {
    public static func baseScore(vector: String) -> Double? {
        let parts = vector.split(separator: "/")
        guard let prefix = parts.first, prefix == "CVSS:3.0" || prefix == "CVSS:3.1" else { return nil }
        var metrics: [Substring: Substring] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: ":", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            metrics[pair[0]] = pair[1]
        }
        guard let scope = metrics["S"], scope == "U" || scope == "C" else { return nil }
        let changed = scope == "C"
        guard let attackVector = weight(metrics["AV"], ["N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2]),
              let complexity = weight(metrics["AC"], ["L": 0.77, "H": 0.44]),
              let privileges = weight(metrics["PR"], changed ? ["N": 0.85, "L": 0.68, "H": 0.5] : ["N": 0.85, "L": 0.62, "H": 0.27]),
              let interaction = weight(metrics["UI"], ["N": 0.85, "R": 0.62]),
              let confidentiality = weight(metrics["C"], ["H": 0.56, "L": 0.22, "N": 0]),
              let integrity = weight(metrics["I"], ["H": 0.56, "L": 0.22, "N": 0]),
              let availability = weight(metrics["A"], ["H": 0.56, "L": 0.22, "N": 0]) else { return nil }
        let baseImpact = 1 - (1 - confidentiality) * (1 - integrity) * (1 - availability)
        let impact = changed
            ? 7.52 * (baseImpact - 0.029) - 3.25 * pow15(baseImpact - 0.02)
            : 6.42 * baseImpact
        let exploitability = 8.22 * attackVector * complexity * privileges * interaction
        guard impact > 0 else { return 0 }
        return roundUp(min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10))
    }

    public static func severity(score: Double) -> Severity {
        switch score {
        case 9...: return .critical
        case 7..<9: return .high
        case 4..<7: return .medium
        default: return .low
        }
    }

    private static func weight(_ value: Substring?, _ table: [Substring: Double]) -> Double? {
        value.flatMap { table[$0] }
    }

    private static func pow15(_ value: Double) -> Double {
        var result = 1.0
        for _ in 0..<15 { result *= value }
        return result
    }

    /// The specification's Roundup: the smallest number with one decimal that is at least the input,
    /// computed on integers to avoid floating-point surprises.
    static func roundUp(_ value: Double) -> Double {
        let scaled = Int((value * 100_000).rounded())
        if scaled % 10_000 == 0 { return Double(scaled) / 100_000 }
        return Double(scaled / 10_000 + 1) / 10
    }
}
