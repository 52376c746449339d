/// How a model field is represented on the wire; each kind has one reader and one writer (see `ModelField`).
public enum FieldKind: Sendable, Hashable {
    /// A string; numbers and booleans are read as their text.
    case string
    /// A UUID kept as the text sent.
    case uuid
    /// A boolean (or the strings `true` / `false`).
    case bool
    /// An integer.
    case int
    /// A floating-point measure that is not money.
    case double
    /// An ISO 8601 timestamp, written back at microseconds.
    case date
    /// An amount of money, its digits kept (a string or a number, as sent).
    case money
    /// A name from a fixed set that keeps unknown values (`OrderState`, `OrderType`).
    case name
    /// Any JSON value kept as sent.
    case json
    /// A nested object read through its own field table.
    case object
    /// A list of nested objects read through their own field table.
    case list
}
