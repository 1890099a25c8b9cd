/// The day of `Get-SolutionUpdateEnvironment`'s `LastUpdated` in a `ConvertTo-Json` export. The property is a
/// date and time (the cmdlet's example output on Microsoft's "Update Azure Local via PowerShell" page,
/// MicrosoftDocs/azure-stack-docs azure-local/update/update-via-powershell-23h2.md @10c8b971, ms.date 12/02/2025,
/// lists `LastUpdated` beside `LastChecked : 10/2/2024 12:38:21 PM`; it is empty on a system never updated).
/// Windows PowerShell writes a date and time as `/Date(MILLISECONDS)/` (sometimes inside `{ "value": … }`),
/// PowerShell 7 as ISO 8601: the day is the UTC day of the milliseconds, or the date as an ISO or M/D/YYYY text
/// writes it. Empty or null: no update recorded.
enum SolutionUpdateDate {
    static func day(of node: YAMLNode) -> CalendarDate? {
        if let value = node.mapping?["value"] { return day(of: value) }
        guard let text = node.scalar?.text, node.scalar?.isNull != true, !text.isEmpty else { return nil }
        if text.hasPrefix("/Date("), text.hasSuffix(")/") {
            // Milliseconds since 1970, possibly signed, possibly with a zone offset after them (`/Date(…+0100)/`).
            let inner = text.dropFirst(6).dropLast(2)
            let digits = inner.prefix { $0.isNumber || $0 == "-" }
            guard let milliseconds = Int64(digits), milliseconds >= 0, milliseconds < 32_503_680_000_000 else { return nil }
            return CalendarDate(daysSinceEpoch: Int(milliseconds / 86_400_000))
        }
        // ISO 8601: the date before `T` (PowerShell 7 writes the local time with its offset; the day is that date).
        if text.count >= 10, let date = CalendarDate(parsing: String(text.prefix(10))), text.count == 10 || text.dropFirst(10).first == "T" {
            return date
        }
        // The culture-invariant text PowerShell shows: M/D/YYYY, then the time.
        let day = text.split(separator: " ").first.map(String.init) ?? text
        let parts = day.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDate(year: parts[2], month: parts[0], day: parts[1])
    }
}
