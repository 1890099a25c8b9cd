/// Rules for the names of files an output folder holds.
public enum FileNames {
    /// A file name made from a name is one path component: no separator, not `.` or `..`, not empty, no NUL.
    public static func staysInside(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/")) && !name.utf8.contains(0)
    }
}
