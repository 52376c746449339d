/// A line of text made of differently styled pieces.
struct StyledLine: Equatable {
    var segments: [(text: String, role: ThemeRole)]
    /// The role the rest of the line is filled with (a band that makes the line stand out).
    var fill: ThemeRole?

    init(_ segments: [(text: String, role: ThemeRole)], fill: ThemeRole? = nil) {
        self.segments = segments
        self.fill = fill
    }

    static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.fill == b.fill && a.segments.map(\.text) == b.segments.map(\.text) && a.segments.map(\.role) == b.segments.map(\.role)
    }

    /// Draws the line in `width` cells from (x, y).
    func draw(_ grid: inout CellGrid, x: Int, y: Int, width: Int) {
        if let fill { grid.fill(x: x, y: y, width: width, height: 1, role: fill) }
        var col = x
        for segment in segments {
            let room = x + width - col
            guard room > 0 else { break }
            col += grid.put(segment.text, x: col, y: y, maxWidth: room, role: segment.role)
        }
    }
}

/// Breaks text into lines of at most `width` cells, at spaces where possible.
enum TextWrap {
    static func wrap(_ text: String, width: Int, charset: Charset) -> [String] {
        guard width > 0 else { return [] }
        let clusters = CellText.clusters(text, charset: charset)
        if CellText.width(clusters) <= width { return [clusters.map(\.text).joined()] }
        var lines: [String] = []
        var current: [CellCluster] = []
        var used = 0
        var lastSpace: Int?
        for cluster in clusters {
            if used + cluster.width > width {
                if let space = lastSpace, space > 0 {
                    lines.append(current[..<space].map(\.text).joined())
                    let rest = Array(current[(space + 1)...])
                    current = rest
                    used = CellText.width(rest)
                } else {
                    lines.append(current.map(\.text).joined())
                    current = []
                    used = 0
                }
                lastSpace = nil
                if let i = current.lastIndex(where: { $0.text == " " }) { lastSpace = i }
            }
            if cluster.text == " " { lastSpace = current.count }
            current.append(cluster)
            used += cluster.width
        }
        if !current.isEmpty { lines.append(current.map(\.text).joined()) }
        return lines
    }
}
