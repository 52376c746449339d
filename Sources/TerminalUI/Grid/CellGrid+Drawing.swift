/// Drawing helpers shared by the views.
extension CellGrid {
    /// A frame of border glyphs around a rectangle, with an optional title in the top edge.
    public mutating func drawBox(x: Int, y: Int, width w: Int, height h: Int, role: ThemeRole, title: String? = nil, titleRole: ThemeRole? = nil) {
        guard w >= 2, h >= 2 else { return }
        let g = glyphs
        put(g.topLeft, x: x, y: y, maxWidth: 1, role: role, ellipsis: false)
        put(g.topRight, x: x + w - 1, y: y, maxWidth: 1, role: role, ellipsis: false)
        put(g.bottomLeft, x: x, y: y + h - 1, maxWidth: 1, role: role, ellipsis: false)
        put(g.bottomRight, x: x + w - 1, y: y + h - 1, maxWidth: 1, role: role, ellipsis: false)
        horizontalLine(x: x + 1, y: y, length: w - 2, role: role)
        horizontalLine(x: x + 1, y: y + h - 1, length: w - 2, role: role)
        for row in (y + 1)..<(y + h - 1) {
            put(g.vertical, x: x, y: row, maxWidth: 1, role: role, ellipsis: false)
            put(g.vertical, x: x + w - 1, y: row, maxWidth: 1, role: role, ellipsis: false)
        }
        if let title, w > 6 {
            put(" " + title + " ", x: x + 2, y: y, maxWidth: w - 4, role: titleRole ?? role)
        }
    }

    /// A horizontal rule.
    public mutating func horizontalLine(x: Int, y: Int, length: Int, role: ThemeRole) {
        guard length > 0 else { return }
        put(String(repeating: glyphs.horizontal, count: length), x: x, y: y, maxWidth: length, role: role, ellipsis: false)
    }

    /// A vertical rule.
    public mutating func verticalLine(x: Int, y: Int, length: Int, role: ThemeRole) {
        guard length > 0 else { return }
        for row in y..<(y + length) { put(glyphs.vertical, x: x, y: row, maxWidth: 1, role: role, ellipsis: false) }
    }

    /// Draws `text` right-aligned so that it ends at column `right` (exclusive); returns its start column.
    @discardableResult
    public mutating func putRight(_ text: String, right: Int, y: Int, maxWidth: Int, role: ThemeRole) -> Int {
        let w = min(maxWidth, CellText.width(text, charset: charset))
        let x = right - w
        put(text, x: x, y: y, maxWidth: w, role: role)
        return x
    }
}
