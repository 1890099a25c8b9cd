/// A sentence put together from many pieces in one run of bytes and made a `String` once. `String`'s own `+=`
/// checks each joint for grapheme breaks and may grow its storage at every piece. What it buys (`make
/// bench-instructions`): the benchmark plan's 15,510 support-gap findings, names and subjects took 262 M
/// instructions written with `+=` and interpolation, and take 171 M written this way.
struct MessageText {
    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func add(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func add(_ number: Int) {
        DecimalDigits.append(number, to: &bytes)
    }

    mutating func add(_ date: CalendarDate) {
        add(date.description)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
