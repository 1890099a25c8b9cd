/// Writes whole numbers as ASCII digits into a byte buffer, without building a String first.
enum DecimalDigits {
    static func append(_ number: Int, to bytes: inout [UInt8]) {
        guard number >= 0 else { bytes.append(contentsOf: String(number).utf8); return }
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
