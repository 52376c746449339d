import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiTakesOneCell() {
        #expect(DisplayWidth.of("a" as Unicode.Scalar) == 1)
        #expect(CellText.width("hello", charset: .unicode) == 5)
    }

    @Test func cjkAndEmojiTakeTwoCells() {
        #expect(DisplayWidth.of("漢" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("한" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("Ｆ" as Unicode.Scalar) == 2)  // fullwidth Latin
        #expect(DisplayWidth.of("😀" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("🚀" as Unicode.Scalar) == 2)
        #expect(CellText.width("漢字VM", charset: .unicode) == 6)
    }

    @Test func combiningMarksAndZeroWidthTakeNone() {
        #expect(DisplayWidth.of("\u{0301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{200B}" as Unicode.Scalar) == 0)
        // e + combining acute is one cell holding both scalars.
        let clusters = CellText.clusters("e\u{0301}x", charset: .unicode)
        #expect(clusters.count == 2)
        #expect(clusters[0].text.unicodeScalars.count == 2)
        #expect(CellText.width(clusters) == 2)
    }

    @Test func ambiguousAndBoxDrawingTakeOne() {
        #expect(DisplayWidth.of("─" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("◔" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("…" as Unicode.Scalar) == 1)
    }

    @Test func zeroWidthJoinerSequencesSplitIntoSeparateCells() {
        // 👩‍💻: joiner dropped, two emoji of two cells each, as ncursesw lays them out.
        let clusters = CellText.clusters("👩\u{200D}💻", charset: .unicode)
        #expect(clusters.map(\.width) == [2, 2])
        #expect(!clusters.map(\.text).joined().unicodeScalars.contains("\u{200D}"))
    }

    @Test func truncationCountsCellsAndAddsAnEllipsis() {
        #expect(CellText.truncate("abcdefghij", to: 5) == "abcd…")
        #expect(CellText.truncate("abc", to: 5) == "abc")
        // 漢字漢字 is 8 cells; in 5 cells: two ideographs (4) + ellipsis.
        let cut = CellText.truncate("漢字漢字", to: 5)
        #expect(cut == "漢字…")
        #expect(CellText.width(cut, charset: .unicode) == 5)
        // In 4 cells a wide character would straddle the edge: it gives way to a space.
        let cut4 = CellText.truncate("漢字漢字", to: 4)
        #expect(CellText.width(cut4, charset: .unicode) == 4)
        #expect(cut4 == "漢 …")
    }

    @Test func asciiTruncationUsesDots() {
        #expect(CellText.truncate("abcdefghijkl", to: 8, charset: .ascii) == "abcde...")
    }

    @Test func gridKeepsWideCharactersWhole() {
        var grid = CellGrid(width: 5, height: 1)
        grid.put("a漢字", x: 0, y: 0, role: .normal, ellipsis: false)
        #expect(grid[1, 0].width == 2)
        #expect(grid[2, 0].isContinuation)
        #expect(grid[3, 0].width == 2)
        #expect(grid.rowText(0) == "a漢字")
        // A wide character that does not fit in the last column becomes a space.
        var edge = CellGrid(width: 3, height: 1)
        edge.put("ab漢", x: 0, y: 0, role: .normal, ellipsis: false)
        #expect(edge.rowText(0) == "ab ")
        // Overwriting half of a wide character blanks its other half.
        grid.put("x", x: 2, y: 0, role: .normal)
        #expect(grid[1, 0].text == " ")
        #expect(grid.rowText(0) == "a x字")
    }
}
