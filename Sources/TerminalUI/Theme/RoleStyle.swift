/// How a theme draws one role; unset colours let what is underneath show.
public struct RoleStyle: Equatable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes
    /// Replacements used on terminals with fewer than 256 colours.
    public var foreground8: ThemeColor?
    public var background8: ThemeColor?
    public var attributes8: TextAttributes?

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes = [],
        foreground8: ThemeColor? = nil, background8: ThemeColor? = nil, attributes8: TextAttributes? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.foreground8 = foreground8
        self.background8 = background8
        self.attributes8 = attributes8
    }
}
