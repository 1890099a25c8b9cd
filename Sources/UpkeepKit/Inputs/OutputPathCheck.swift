import Foundation

/// No command ever overwrites one of its inputs: an output path that is an input file — named directly,
/// found in an input folder, or reached through a symbolic or hard link — or that is a folder, is
/// refused before anything is read or written.
public enum OutputPathCheck {
    /// Why `output` may not be written when the inputs are `paths`; nil when it may.
    public static func problem(output: String, inputs paths: [String]) -> String? {
        guard let target = identity(of: output) else { return nil }  // A new file is no input.
        if target.isFolder { return "\(output) is a folder; -o names the file to write." }
        let files = InputLoader.files(under: paths, log: DiagnosticLog())
        for file in files where identity(of: file).map({ $0.device == target.device && $0.inode == target.inode }) ?? false {
            return file == output ? "\(output) is one of the inputs." : "\(output) is the input \(file) (the same file through a link)."
        }
        return nil
    }

    private struct Identity {
        var device: UInt64
        var inode: UInt64
        var isFolder: Bool
    }

    /// The file `path` ends at, after following links; nil when there is none.
    private static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), isFolder: (info.st_mode & S_IFMT) == S_IFDIR)
    }
}
