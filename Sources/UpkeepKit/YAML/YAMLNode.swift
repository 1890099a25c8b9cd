/// A 1-based line and column inside one file; the file itself is known from the document.
public struct Mark: Hashable, Sendable {
    public var line: Int32
    public var column: Int32

    public init(line: Int32, column: Int32) {
        self.line = line
        self.column = column
    }
}

public enum ScalarStyle: UInt8, Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// What an explicit tag on a scalar said. Only the tags that change how Upkeep reads a scalar are kept
/// apart (a tagged scalar is never null; `!!merge` marks a merge key); the rest are `other`.
public enum ScalarTag: UInt8, Sendable, Equatable {
    case none, merge, other
}

/// A scalar exactly as written: `1.30` stays the text "1.30"; only decoding gives it a type.
public struct YAMLScalar: Sendable, Equatable {
    public var text: String
    public var style: ScalarStyle
    public var mark: Mark
    public var tag: ScalarTag

    public init(text: String, style: ScalarStyle, mark: Mark, tag: ScalarTag = .none) {
        self.text = text
        self.style = style
        self.mark = mark
        self.tag = tag
    }

    /// A plain `~`, `null` or empty scalar: YAML's null.
    public var isNull: Bool {
        guard style == .plain, tag == .none else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

public struct YAMLSequence: Sendable, Equatable {
    public var items: [YAMLNode]
    public var mark: Mark
}

public struct YAMLMappingEntry: Sendable, Equatable {
    public var key: YAMLScalar
    public var value: YAMLNode
}

/// A mapping's entries in document order, with `<<` merge keys already applied (explicit keys win) and
/// duplicate keys already reported and dropped.
public struct YAMLMapping: Sendable, Equatable {
    public var entries: [YAMLMappingEntry]
    public var mark: Mark

    public subscript(key: String) -> YAMLNode? {
        for entry in entries where entry.key.text == key { return entry.value }
        return nil
    }

    public func entry(_ key: String) -> YAMLMappingEntry? {
        entries.first { $0.key.text == key }
    }
}

/// One node of the located document tree.
public enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    public var mark: Mark {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(let sequence): return sequence.mark
        case .mapping(let mapping): return mapping.mark
        }
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    public var sequence: YAMLSequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }

    public var isNull: Bool { scalar?.isNull ?? false }

    /// "a mapping", "a list", "the text \"x\"" — for error sentences.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? "nothing" : "\"\(scalar.text)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One document of a YAML stream, with the file it came from.
public struct YAMLDocument: Sendable, Equatable {
    public var path: String
    public var root: YAMLNode
    /// Where the document starts (its `---` or first token).
    public var mark: Mark

    public func position(_ mark: Mark) -> SourcePosition {
        SourcePosition(path: path, line: Int(mark.line), column: Int(mark.column))
    }
}
