import CLibYAML

/// A bare libyaml event scan that builds nothing: the yardstick the benchmark compares our reader with.
public enum YAMLEventScan {
    /// The number of events in `bytes`, or nil when libyaml reports an error.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                count += 1
                let finished = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if finished { return count }
            }
        }
    }
}
