import OrderStore
import WaldurClient

/// The selected order's detail as plain text for the pager and the clipboard: every line of the pane, with the
/// error message, traceback, request comment and output whole (the pane cuts them at 32 KB), every line sanitised.
enum DetailText {
    /// The text, or nil when no order is selected.
    static func text(state: AppState, charset: Charset) -> String? {
        guard let vm = state.detail else { return nil }
        let order = state.detailCache[vm.uuid]
        func clean(_ text: String) -> [String] { Sanitizer.lines(text, charset: charset) }
        var out = clean(vm.title) + [""]
        // Lines whose whole text is appended below from the full order.
        let whole: Set<DetailViewModel.Role> = order == nil ? [] : [.error, .traceback, .comment, .output]
        for section in vm.sections {
            let lines = section.lines.filter { !whole.contains($0.role) }
            guard !lines.isEmpty else { continue }
            out.append("── \(section.title) ──")
            for line in lines {
                let label = line.key.map { $0.isEmpty ? String(repeating: " ", count: 18) : pad($0) } ?? ""
                out += clean(line.text).map { label + $0 }
            }
            out.append("")
        }
        if let order {
            func block(_ title: String, _ text: String?) {
                guard let text, !text.isEmpty else { return }
                out.append("── \(title) ──")
                out += clean(text)
                out.append("")
            }
            if order.state == .erred || !(order.errorMessage ?? "").isEmpty {
                block("Error message", (order.errorMessage ?? "").isEmpty ? "(no message)" : order.errorMessage)
                if order.errorTraceback == nil {
                    block("Traceback", "traceback hidden: staff only")
                } else {
                    block("Traceback", (order.errorTraceback ?? "").isEmpty ? "(empty)" : order.errorTraceback)
                }
            }
            block("Request comment", order.requestComment)
            block("Output", order.output)
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// "key              " (the label column of the pane, 18 cells).
    static func pad(_ key: String) -> String {
        key + String(repeating: " ", count: max(1, 18 - key.count))
    }
}
