import Dispatch
import Foundation

/// Renders numbered pieces of output on other threads, a few pieces ahead, and hands them to the
/// calling thread in order: while it writes one piece to a file, the next ones are being rendered.
enum OrderedPipeline {
    /// At most this many pieces are rendered and not yet written (bounds the memory held).
    static let piecesAhead = 4

    static func run(pieces: Int, render: @escaping @Sendable (Int) -> [UInt8], emit: ([UInt8]) throws -> Void) rethrows {
        guard pieces > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            for piece in 0..<pieces { try emit(render(piece)) }
            return
        }
        let slots = PieceSlots(count: pieces)
        let room = DispatchSemaphore(value: piecesAhead)
        // One feeder starts the renders in order, each when there is room; the renders themselves run
        // on any thread.
        let feeder = DispatchWorkItem {
            for piece in 0..<pieces {
                room.wait()
                if slots.isCancelled { room.signal(); return }
                DispatchQueue.global().async { slots.store(piece, render(piece)) }
            }
        }
        DispatchQueue.global().async(execute: feeder)
        defer {
            // On an error, stop starting renders and wait for those already running.
            slots.cancel()
            for _ in 0..<piecesAhead + 1 { room.signal() }
            feeder.wait()
        }
        for piece in 0..<pieces {
            let bytes = slots.take(piece)
            room.signal()
            try emit(bytes)
        }
    }
}

/// Rendered pieces waiting to be written: each stored once, each taken once, in order.
private final class PieceSlots: @unchecked Sendable {
    private let condition = NSCondition()
    private var pieces: [[UInt8]?]
    private var cancelled = false

    init(count: Int) {
        pieces = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ bytes: [UInt8]) {
        condition.lock()
        pieces[index] = bytes
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the piece is rendered, then hands it over (and forgets it).
    func take(_ index: Int) -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        while pieces[index] == nil { condition.wait() }
        let bytes = pieces[index] ?? []
        pieces[index] = nil
        return bytes
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.unlock()
    }
}
