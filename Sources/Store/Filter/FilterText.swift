/// Filter lines written by the app for the user (the filter language's quoting rules in one place).
public enum FilterText {
    /// A filter line that narrows the list to one offering: `offering:"Basic VM"`; a name with a double quote, which
    /// the language cannot quote, becomes one word without spaces and quotes (a contains match).
    public static func offering(_ name: String) -> String {
        if name.contains("\"") { return "offering:" + name.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\"", with: "") }
        return "offering:\"\(name)\""
    }
}
