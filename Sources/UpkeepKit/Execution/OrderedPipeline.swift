import Dispatch
import Foundation

/// Renders numbered pieces of output on other threads, a few pieces ahead, and hands them to the
/// calling thread in order: while it writes one piece to a file, the next ones are being rendered.
/// The buffers are reused from piece to piece, so that rendering a hundred megabytes does not fetch
/// a hundred megabytes of fresh memory from the system (each page of it a page fault).
enum OrderedPipeline {
    /// At most this many pieces are rendered and not yet written (bounds the memory held).
    static let piecesAhead = 4

    static func run(pieces: Int, render: @escaping @Sendable (Int, inout JSONWriter) -> Void,
                    emit: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard pieces > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            var writer = JSONWriter(capacity: 1 << 20)
            for piece in 0..<pieces {
                writer.removeAll()
                render(piece, &writer)
                try writer.withBytes(emit)
            }
            return
        }
        let slots = PieceSlots(count: pieces, buffers: piecesAhead)
        // One feeder starts the renders in order, each when a buffer is free; the renders themselves
        // run on any thread.
        let feeder = DispatchWorkItem {
            for piece in 0..<pieces {
                guard let buffer = slots.freeBuffer() else { return }
                DispatchQueue.global().async {
                    buffer.writer.removeAll()
                    render(piece, &buffer.writer)
                    slots.store(piece, buffer)
                }
            }
        }
        DispatchQueue.global().async(execute: feeder)
        defer {
            // On an error, stop starting renders and wait for the feeder.
            slots.cancel()
            feeder.wait()
        }
        for piece in 0..<pieces {
            let buffer = slots.take(piece)
            try buffer.writer.withBytes(emit)
            slots.recycle(buffer)
        }
    }
}

/// A reusable output buffer, handed from one thread to another through `PieceSlots` only.
final class PieceBuffer: @unchecked Sendable {
    var writer = JSONWriter(capacity: 1 << 20)
}

/// Rendered pieces waiting to be written, and the buffers free to render into.
private final class PieceSlots: @unchecked Sendable {
    private let condition = NSCondition()
    private var pieces: [PieceBuffer?]
    private var free: [PieceBuffer]
    private var cancelled = false

    init(count: Int, buffers: Int) {
        pieces = Array(repeating: nil, count: count)
        free = (0..<buffers).map { _ in PieceBuffer() }
    }

    /// Waits for a free buffer; nil once cancelled.
    func freeBuffer() -> PieceBuffer? {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !cancelled { condition.wait() }
        return cancelled ? nil : free.removeLast()
    }

    func store(_ index: Int, _ buffer: PieceBuffer) {
        condition.lock()
        pieces[index] = buffer
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the piece is rendered, then hands it over.
    func take(_ index: Int) -> PieceBuffer {
        condition.lock()
        defer { condition.unlock() }
        while pieces[index] == nil { condition.wait() }
        let buffer = pieces[index] ?? PieceBuffer()
        pieces[index] = nil
        return buffer
    }

    func recycle(_ buffer: PieceBuffer) {
        condition.lock()
        free.append(buffer)
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
