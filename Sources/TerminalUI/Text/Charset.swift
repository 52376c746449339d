/// What the terminal can show: full Unicode (a UTF-8 locale) or only ASCII.
public enum Charset: Sendable, Equatable {
    case unicode
    case ascii
}
