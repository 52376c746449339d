/// Which cells must be sent to the terminal to turn one frame into the next: only those that
/// changed (all of them when there is no previous frame or the size changed).
public enum FrameDiff {
    /// Positions of the cells to draw, row by row, left to right; right halves of wide characters
    /// are never listed (their left half draws both).
    public static func changedCells(from previous: CellGrid?, to next: CellGrid) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        let full = previous == nil || previous?.width != next.width || previous?.height != next.height
        for y in 0..<next.height {
            let rowStart = y * next.width
            var lastListed = -1
            for x in 0..<next.width {
                let cell = next.cells[rowStart + x]
                if !full, let prev = previous, prev.cells[rowStart + x] == cell { continue }
                if cell.isContinuation {
                    // Its wide left half draws it; list that one if it did not change itself.
                    if x > 0, lastListed != x - 1 { out.append((x - 1, y)); lastListed = x - 1 }
                    continue
                }
                out.append((x, y))
                lastListed = x
            }
        }
        return out
    }
}
