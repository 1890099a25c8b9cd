/// A Kubernetes version such as `v1.28.9`, `1.28.0-rc.1`, `1.27.4-gke.1043002` or `1.27.3+k3s1`.
///
/// Only `alpha`, `beta` and `rc` are pre-releases (they sort before the release); any other suffix is a
/// distribution's build label, which sorts after the plain version and, within one distribution, by
/// its number (output-formats.md section 6).
public struct KubernetesVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int
    /// `rc.1` → ("rc", 1)
    public var preRelease: (stage: PreReleaseStage, number: Int)?
    /// The distribution suffix as written, `-gke.100` or `+k3s1`; empty for upstream versions.
    public var distribution: String

    public enum PreReleaseStage: Int, Sendable, Comparable {
        case alpha, beta, rc
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = nil
        self.distribution = ""
    }

    /// Parses with an optional leading `v`; nil when it is not MAJOR.MINOR.PATCH[suffix].
    public init?(parsing text: String) {
        let bytes = text.utf8
        var index = bytes.startIndex
        if index < bytes.endIndex && bytes[index] == UInt8(ascii: "v") { index = bytes.index(after: index) }
        var numbers: [Int] = []
        numbers.reserveCapacity(3)
        while numbers.count < 3 {
            var value = 0, digits = 0
            while index < bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 9 else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index = bytes.index(after: index)
            }
            guard digits > 0, digits <= 9 else { return nil }
            numbers.append(value)
            if numbers.count < 3 {
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") else { return nil }
                index = bytes.index(after: index)
            }
        }
        major = numbers[0]
        minor = numbers[1]
        patch = numbers[2]
        preRelease = nil
        distribution = ""
        guard index < bytes.endIndex else { return }
        var rest = Substring(text)[index...]
        for (name, stage) in [("-alpha.", PreReleaseStage.alpha), ("-beta.", .beta), ("-rc.", .rc)] where rest.hasPrefix(name) {
            var afterStage = rest.dropFirst(name.count)
            if let number = Self.takeNumber(&afterStage) {
                preRelease = (stage, number)
                rest = afterStage
            }
            break
        }
        guard rest.isEmpty || ((rest.first == "-" || rest.first == "+") && rest.count > 1
            && rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-+._".contains($0)) })) else { return nil }
        distribution = String(rest)
    }

    private static func takeNumber(_ text: inout Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let value = Int(digits) else { return nil }
        text = text.dropFirst(digits.count)
        return value
    }

    public var minorVersion: KubernetesMinor { KubernetesMinor(major: major, minor: minor) }

    /// `1.28.9`, `1.28.0-rc.1`, `1.27.4-gke.1043002` (written digit by digit: plans print it often).
    public var description: String {
        if preRelease == nil, distribution.isEmpty, major >= 0, minor >= 0, patch >= 0 {
            // The common case in one allocation-free write (at most 15 bytes stay inline in the String).
            let widths = (DecimalDigits.count(major), DecimalDigits.count(minor), DecimalDigits.count(patch))
            return DecimalDigits.string(length: widths.0 + widths.1 + widths.2 + 2) { out in
                DecimalDigits.put(major, width: widths.0, at: out)
                out[widths.0] = UInt8(ascii: ".")
                DecimalDigits.put(minor, width: widths.1, at: out + widths.0 + 1)
                out[widths.0 + widths.1 + 1] = UInt8(ascii: ".")
                DecimalDigits.put(patch, width: widths.2, at: out + widths.0 + widths.1 + 2)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 + distribution.utf8.count)
        DecimalDigits.append(major, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        DecimalDigits.append(minor, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        DecimalDigits.append(patch, to: &bytes)
        if let preRelease {
            bytes.append(UInt8(ascii: "-"))
            bytes.append(contentsOf: "\(preRelease.stage)".utf8)
            bytes.append(UInt8(ascii: "."))
            DecimalDigits.append(preRelease.number, to: &bytes)
        }
        bytes.append(contentsOf: distribution.utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Equal when every part is (the same as writing the same text: parsing is canonical).
    public static func == (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
        lhs.major == rhs.major && lhs.minor == rhs.minor && lhs.patch == rhs.patch
            && lhs.preRelease?.stage == rhs.preRelease?.stage && lhs.preRelease?.number == rhs.preRelease?.number
            && lhs.distribution == rhs.distribution
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease?.stage)
        hasher.combine(preRelease?.number)
        hasher.combine(distribution)
    }

    public static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, .some): return false
        case (.some, nil): return true
        case let (.some(left), .some(right)) where left.stage != right.stage || left.number != right.number:
            return (left.stage, left.number) < (right.stage, right.number)
        default: break
        }
        let left = Self.distributionKey(lhs.distribution), right = Self.distributionKey(rhs.distribution)
        if left.name != right.name { return UTF8Order.precedes(left.name, right.name) }
        return left.number < right.number
    }

    /// `-gke.1043002` → ("-gke.", 1043002); `+k3s1` → ("+k3s", 1); an unnumbered suffix has number 0.
    private static func distributionKey(_ suffix: String) -> (name: String, number: Int) {
        let digits = suffix.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 18, let number = Int(String(digits.reversed())) else { return (suffix, 0) }
        return (String(suffix.dropLast(digits.count)), number)
    }
}

/// A Kubernetes minor such as `1.30`.
public struct KubernetesMinor: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `1.30` or `v1.30`.
    public init?(parsing text: String) {
        var rest = Substring(text)
        if rest.first == "v" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.major = major
        self.minor = minor
    }

    public var description: String { "\(major).\(minor)" }

    /// How many minors `self` is ahead of `other` within one major (negative when behind).
    public func distance(from other: KubernetesMinor) -> Int {
        major == other.major ? minor - other.minor : (major - other.major) * 1000
    }

    public static func < (lhs: KubernetesMinor, rhs: KubernetesMinor) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
