import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import UpkeepKit

/// Gets the published sources: over HTTP(S) with Foundation's URLSession (libcurl on Linux, which takes
/// `HTTPS_PROXY`/`https_proxy` from the environment), with a timeout and up to three tries (after 1 s and 2 s)
/// for network errors and 5xx answers; or from a bundle folder, whose manifest must match.
struct FeedFetcher {
    enum Origin {
        case published
        case url(String)
        case bundle(String)
    }

    var origin: Origin
    var timeout: TimeInterval = 30
    var tries = 3

    /// Each source's bytes, how the feeds name where it came from, and one line per source that failed.
    func fetch(_ sources: [FeedSource]) -> (contents: [String: [UInt8]], provenance: [String: String], problems: [String]) {
        var contents: [String: [UInt8]] = [:], provenance: [String: String] = [:], problems: [String] = []
        switch origin {
        case .bundle(let folder):
            var files: [String: [UInt8]] = [:]
            let base = URL(fileURLWithPath: folder)
            for path in FileManager.default.enumerator(atPath: folder)?.allObjects.compactMap({ $0 as? String }) ?? [] {
                var isFolder: ObjCBool = false
                let full = base.appendingPathComponent(path).path
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                      path != FeedBundle.manifestName, !(path as NSString).lastPathComponent.hasPrefix(".") else { continue }
                files[path] = FileManager.default.contents(atPath: full).map { [UInt8]($0) }
            }
            guard let manifest = FileManager.default.contents(atPath: base.appendingPathComponent(FeedBundle.manifestName).path) else {
                return ([:], [:], ["\(folder): no \(FeedBundle.manifestName); not a bundle made by `upkeep feeds bundle`."])
            }
            let mismatches = FeedBundle.problems(manifest: String(decoding: manifest, as: UTF8.self), files: files)
            guard mismatches.isEmpty else {
                return ([:], [:], ["\(folder): the bundle does not match its manifest (\(mismatches.joined(separator: "; "))); nothing was used."])
            }
            let bundleName = (folder as NSString).lastPathComponent
            for source in sources {
                guard let bytes = files[source.name] else { problems.append("\(source.name): not in the bundle \(folder)"); continue }
                contents[source.name] = bytes
                provenance[source.name] = "\(source.url) (from the bundle \(bundleName), SHA-256 \(SHA256.hex(bytes).prefix(16))…)"
            }
        case .published, .url:
            for source in sources {
                let address: String
                if case .url(let base) = origin { address = base.hasSuffix("/") ? base + source.name : base + "/" + source.name } else { address = source.url }
                switch get(address, body: { if case .url = origin { return nil } else { return source.body } }()) {
                case .success(let bytes):
                    contents[source.name] = bytes
                    provenance[source.name] = "\(source.url)\(address == source.url ? "" : " (served by \(address))"), SHA-256 \(SHA256.hex(bytes).prefix(16))…"
                case .failure(let message):
                    problems.append("\(address): \(message)")
                }
            }
        }
        return (contents, provenance, problems)
    }

    enum Result { case success([UInt8]), failure(String) }

    func get(_ address: String, body: String?) -> Result {
        guard let url = URL(string: address), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            return .failure("not an http(s) URL")
        }
        var last = "no answer"
        for attempt in 0..<max(1, tries) {
            if attempt > 0 { Thread.sleep(forTimeInterval: Double(attempt)) }
            var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
            if let body {
                request.httpMethod = "POST"
                request.httpBody = Data(body.utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let done = DispatchSemaphore(value: 0)
            let box = ResponseBox()
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.timeoutIntervalForResource = timeout * 2
            let session = URLSession(configuration: configuration)
            session.dataTask(with: request) { data, response, error in
                box.set(data, (response as? HTTPURLResponse)?.statusCode, error)
                done.signal()
            }.resume()
            if done.wait(timeout: .now() + timeout * 2 + 1) == .timedOut {
                session.invalidateAndCancel()
                last = "no answer within \(Int(timeout)) s"
                continue
            }
            session.finishTasksAndInvalidate()
            let (data, status, error) = box.get()
            if let error {
                last = (error as NSError).code == NSURLErrorTimedOut ? "no answer within \(Int(timeout)) s" : error.localizedDescription
                continue
            }
            guard let status else { last = "no HTTP answer"; continue }
            if status >= 500 { last = "HTTP \(status)"; continue }
            guard status == 200, let data else { return .failure("HTTP \(status)") }
            return .success([UInt8](data))
        }
        return .failure("\(last) (after \(max(1, tries)) tries)")
    }
}

/// What a URLSession task handed back, passed between its thread and the caller's.
private final class ResponseBox: Sendable {
    private let value = Mutex<(Data?, Int?, (any Error)?)>((nil, nil, nil))
    func set(_ data: Data?, _ status: Int?, _ error: (any Error)?) { value.withLock { $0 = (data, status, error) } }
    func get() -> (Data?, Int?, (any Error)?) { value.withLock { $0 } }
}
