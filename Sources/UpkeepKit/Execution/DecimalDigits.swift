/// Numbers, dates and instants written as ASCII digits straight into bytes, without building a String
/// first: a large plan prints hundreds of thousands of versions, dates and instants. The one place that
/// knows these layouts (the `description`s and the JSON writer use it).
enum DecimalDigits {
    /// How many digits a non-negative number has.
    static func count(_ number: Int) -> Int {
        var digits = 1, rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }

    /// The last `width` digits of a non-negative number at `out`, with leading zeros.
    static func put(_ number: Int, width: Int, at out: UnsafeMutablePointer<UInt8>) {
        var rest = number
        for offset in stride(from: width - 1, through: 0, by: -1) {
            out[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    static func append(_ number: Int, to bytes: inout [UInt8]) {
        guard number >= 0 else { bytes.append(contentsOf: String(number).utf8); return }
        let width = count(number), start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: width))
        bytes.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { put(number, width: width, at: base + start) }
        }
    }

    /// Dates whose year has four digits (0000-01-01 to 9999-12-31) take the fixed layouts below.
    static func fits(_ date: CalendarDate) -> Bool { fourDigitYears.contains(date.daysSinceEpoch) }
    private static let fourDigitYears = CalendarDate.days(year: 0, month: 1, day: 1)...CalendarDate.days(year: 9999, month: 12, day: 31)

    static let dateLength = 10
    static let instantLength = 20

    /// `2024-07-01` into `dateLength` bytes (the year must fit).
    static func putDate(_ date: CalendarDate, at out: UnsafeMutablePointer<UInt8>) {
        let (year, month, day) = date.components
        put(year, width: 4, at: out)
        out[4] = UInt8(ascii: "-")
        put(month, width: 2, at: out + 5)
        out[7] = UInt8(ascii: "-")
        put(day, width: 2, at: out + 8)
    }

    /// `2024-07-07T03:00:00Z` into `instantLength` bytes (the year must fit).
    static func putInstant(_ instant: Instant, at out: UnsafeMutablePointer<UInt8>) {
        let date = instant.utcDate
        let minuteOfDay = instant.minutesSinceEpoch - date.daysSinceEpoch * 1440
        putDate(date, at: out)
        out[10] = UInt8(ascii: "T")
        put(minuteOfDay / 60, width: 2, at: out + 11)
        out[13] = UInt8(ascii: ":")
        put(minuteOfDay % 60, width: 2, at: out + 14)
        out[16] = UInt8(ascii: ":"); out[17] = UInt8(ascii: "0"); out[18] = UInt8(ascii: "0"); out[19] = UInt8(ascii: "Z")
    }

    /// A fixed-length text written by `body`.
    static func string(length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            body(base)
            return length
        }
    }
}
