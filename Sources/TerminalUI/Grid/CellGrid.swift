/// A frame in memory: every view draws into one, the screen driver sends only the cells that
/// differ from the previous frame, and tests read it back.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let charset: Charset
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, charset: Charset = .unicode, role: ThemeRole = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.charset = charset
        self.cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    /// The glyph set that matches `charset`.
    public var glyphs: Glyphs { Glyphs.for(charset) }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank() }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Fills a rectangle with spaces in `role`, clearing overlays.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: ThemeRole) {
        for row in max(0, y)..<min(height, y + h) where x < width {
            for col in max(0, x)..<min(width, x + w) { setCell(x: col, y: row, Cell.blank(role)) }
        }
    }

    /// Draws `text` (sanitised as it goes; overlays already on the cells stay) from column `x` of row `y` in at most `maxWidth` cells
    /// (to the right edge when nil), truncating with an ellipsis when it does not fit; returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: ThemeRole, ellipsis: Bool = true) -> Int {
        put(clusters: CellText.clusters(text, charset: charset), x: x, y: y, maxWidth: maxWidth, role: role, ellipsis: ellipsis)
    }

    /// Draws already split clusters; see `put(_:x:y:maxWidth:role:ellipsis:)`.
    @discardableResult
    public mutating func put(clusters: [CellCluster], x: Int, y: Int, maxWidth: Int? = nil, role: ThemeRole, ellipsis: Bool = true) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var room = width - max(0, x)
        if let maxWidth { room = min(room, maxWidth) }
        guard room > 0 else { return 0 }
        let fitted: [CellCluster]
        if ellipsis {
            fitted = CellText.truncate(clusters, to: room, charset: charset)
        } else {
            var cut: [CellCluster] = []
            var used = 0
            for c in clusters {
                if used + c.width > room { break }
                cut.append(c)
                used += c.width
            }
            fitted = cut
        }
        var col = x
        for cluster in fitted {
            if col >= width { break }
            if col < 0 { col += cluster.width; continue }
            let cellRole: ThemeRole = cluster.isPlaceholder ? .placeholder : role
            if cluster.width == 2 {
                if col + 1 >= width {
                    setCell(x: col, y: y, Cell(text: " ", width: 1, role: role), keepOverlay: true)
                    col += 1
                    continue
                }
                setCell(x: col, y: y, Cell(text: cluster.text, width: 2, role: cellRole), keepOverlay: true)
                setCell(x: col + 1, y: y, Cell(text: "", width: 0, role: cellRole), partOfWide: true, keepOverlay: true)
                col += 2
            } else {
                setCell(x: col, y: y, Cell(text: cluster.text, width: 1, role: cellRole), keepOverlay: true)
                col += 1
            }
        }
        return col - x
    }

    /// Lays `overlay` over the cells of row `y` from `x` for `length` cells (the whole row when nil).
    public mutating func setOverlay(_ overlay: ThemeRole?, y: Int, x: Int = 0, length: Int? = nil) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (length ?? width))
        for col in max(0, x)..<max(max(0, x), end) { cells[y * width + col].overlay = overlay }
    }

    /// Changes the role of existing cells without changing their text.
    public mutating func setRole(_ role: ThemeRole, y: Int, x: Int, length: Int) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + length)
        for col in max(0, x)..<max(max(0, x), end) { cells[y * width + col].role = role }
    }

    /// Row `y` as text (right halves of wide characters skipped), trailing spaces kept.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for col in 0..<width {
            let c = cells[y * width + col]
            if !c.isContinuation { s += c.text }
        }
        return s
    }

    /// Every row as text with trailing spaces removed.
    public var lines: [String] {
        (0..<height).map { y in
            var line = rowText(y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The whole frame as text, one line per row.
    public var text: String { lines.joined(separator: "\n") }

    /// The first position where `needle` occurs in a row's text, as (column in cells, row).
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let line = rowText(y)
            guard let range = line.range(of: needle) else { continue }
            var col = 0
            var index = line.startIndex
            var cell = 0
            // Walk the cells again to turn the character offset into a cell column.
            while cell < width, index < range.lowerBound {
                let c = cells[y * width + cell]
                cell += 1
                if c.isContinuation { continue }
                index = line.index(index, offsetBy: c.text.count, limitedBy: line.endIndex) ?? line.endIndex
                col += Int(c.width)
            }
            return (col, y)
        }
        return nil
    }

    private mutating func setCell(x: Int, y: Int, _ cell: Cell, partOfWide: Bool = false, keepOverlay: Bool = false) {
        let i = y * width + x
        let old = cells[i]
        if !partOfWide {
            // Overwriting the right half of a wide character: its left half becomes a space.
            if old.isContinuation, x > 0, cells[i - 1].width == 2 {
                cells[i - 1] = Cell(text: " ", width: 1, role: cells[i - 1].role, overlay: cells[i - 1].overlay)
            }
        }
        // Overwriting the left half of a wide character with something narrow: its right half becomes a space.
        if old.width == 2, cell.width != 2, x + 1 < width, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(text: " ", width: 1, role: cells[i + 1].role, overlay: cells[i + 1].overlay)
        }
        cells[i] = Cell(text: cell.text, width: cell.width, role: cell.role, overlay: keepOverlay ? old.overlay : cell.overlay)
    }
}
