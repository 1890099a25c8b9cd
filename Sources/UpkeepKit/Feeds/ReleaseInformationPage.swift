/// Reads Azure Local's release information page (MicrosoftDocs/azure-stack-docs
/// `azure-local/release-information-23h2.md`) as it is published: a table per OS build (tabs) and an "Older
/// versions" table, whose first cell holds one or more builds, each followed by its own date, and the builds it
/// supersedes with theirs:
///
///     | 12.2601.1002.503 <br><br> Availability date: 2026-02-02 <br><br> Supersedes: 12.2601.1002.38 <br><br> Availability date: 2026-01-22 | …
///     | 11.2507.1001.9 <br><br> 10.2507.0.6 <br></br> Availability date: 2025-07-24 | …
///
/// A date belongs to every build named since the previous date.
public enum ReleaseInformationPage {
    public struct Build: Sendable, Equatable {
        /// `12.2601.1002.503`
        public var version: String
        /// The release train, `YYMM` as an integer (2601).
        public var train: Int
        public var available: CalendarDate
        /// The 1-based line of the table row, and the row's first build (how a reader finds it on the page).
        public var line: Int
        public var row: String
    }

    /// Every build of every table row, each with its own date, in page order.
    public static func builds(_ page: String) -> [Build] {
        var builds: [Build] = []
        for (index, line) in page.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("|") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count > 2 else { continue }
            var pending: [(version: String, train: Int)] = []
            var rowBuilds: [Build] = []
            var rowName: String?
            for fragment in fragments(String(cells[1])) {
                if let range = fragment.range(of: "Availability date:") {
                    let text = fragment[range.upperBound...].trimmingSpaces
                    guard let date = CalendarDate(parsing: String(text.prefix(10))) else { continue }
                    for build in pending {
                        rowBuilds.append(Build(version: build.version, train: build.train, available: date, line: index + 1, row: rowName ?? build.version))
                    }
                    pending = []
                    continue
                }
                let text = fragment.hasPrefix("Supersedes:") ? String(fragment.dropFirst("Supersedes:".count)) : fragment
                for token in text.split(whereSeparator: { $0 == " " || $0 == "*" || $0 == "," }) {
                    guard let train = Self.train(of: token) else { continue }
                    pending.append((String(token), train))
                    if rowName == nil { rowName = String(token) }
                }
            }
            builds += rowBuilds
        }
        return builds
    }

    /// The cell's parts between `<br>`, `<br><br>` and `</br>` tags, trimmed.
    static func fragments(_ cell: String) -> [String] {
        var text = cell
        for tag in ["<br></br>", "</br>", "<br/>", "<br />", "<br>"] { text = text.replacingEvery(tag, with: "\n") }
        return text.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// `NN.YYMM.x.y` (NN 10, 11 or 12): the release train YYMM.
    static func train(of token: Substring) -> Int? {
        let parts = token.split(separator: ".")
        guard parts.count >= 3, ["10", "11", "12"].contains(String(parts[0])), parts[1].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), let train = Int(parts[1]) else { return nil }
        return train
    }

    /// Each release train's first availability date: the earliest date of any of its builds.
    public static func trainDates(_ builds: [Build]) -> [Int: CalendarDate] {
        var dates: [Int: CalendarDate] = [:]
        for build in builds { dates[build.train] = min(dates[build.train] ?? build.available, build.available) }
        return dates
    }

    /// Dates that contradict the release train, one sentence per build: a build dated before an earlier release
    /// train first came out (a later release cannot come out before an earlier one), or before its own train's
    /// month began (2510 is October 2025).
    public static func contradictions(_ builds: [Build]) -> [String] {
        let firstDates = trainDates(builds)
        var problems: [String] = []
        for build in builds {
            let earlier = firstDates.filter { $0.key < build.train && $0.value > build.available }
                .min { ($0.value, $0.key) < ($1.value, $1.key) }
            let monthStart = CalendarDate(year: 2000 + build.train / 100, month: build.train % 100, day: 1)
            let beforeMonth = monthStart.map { build.available < $0 } ?? false
            guard earlier != nil || beforeMonth else { continue }
            var reasons: [String] = []
            if let earlier { reasons.append("release \(earlier.key), an earlier one, first came out on \(earlier.value)") }
            if beforeMonth, let monthStart { reasons.append("its own release train \(build.train) began on \(monthStart)") }
            problems.append("line \(build.line), the row of \(build.row): \(build.version) is dated \(build.available), but \(reasons.joined(separator: " and ")). A later release cannot come out before an earlier one, so the date reads as a typo and nothing is written from the page.")
        }
        return problems
    }
}
