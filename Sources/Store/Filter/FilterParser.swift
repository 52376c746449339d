import Foundation
import WaldurClient

/// Parses a filter line (see `FilterExpression`); never traps on any input.
public func parseFilter(_ text: String) -> Result<FilterExpression, FilterParseError> {
    do { return .success(try FilterExpression.parse(text)) } catch { return .failure(error) }
}

extension FilterExpression {
    /// Parses a filter line: free words, `key:value`, `key<value` …, a leading `-` or `!` negates, quotes group.
    public static func parse(_ text: String) throws(FilterParseError) -> FilterExpression {
        var terms: [FilterTerm] = []
        for token in joinSpacedOperators(try tokenize(text)) {
            terms.append(try parseTerm(token))
        }
        return FilterExpression(terms: terms)
    }

    struct Token {
        var text: String
        var position: Int
        /// Whether any part of the token was quoted (then operators inside the quotes are literal).
        var keyEnd: Int?
        var quoted: Bool
    }

    static func tokenize(_ line: String) throws(FilterParseError) -> [Token] {
        let chars = Array(line)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            let start = i
            var text = ""
            var quoted = false
            var keyEnd: Int?
            while i < chars.count, !chars[i].isWhitespace {
                if chars[i] == "\"" {
                    if keyEnd == nil { keyEnd = text.count }
                    quoted = true
                    i += 1
                    var closed = false
                    while i < chars.count {
                        if chars[i] == "\"" { closed = true; i += 1; break }
                        text.append(chars[i])
                        i += 1
                    }
                    if !closed { throw FilterParseError("unclosed quote", at: start) }
                } else {
                    text.append(chars[i])
                    i += 1
                }
            }
            tokens.append(Token(text: text, position: start, keyEnd: keyEnd, quoted: quoted))
        }
        return tokens
    }

    static let keys = ["state", "type", "offering", "plan", "project", "customer", "provider", "resource", "by", "cost", "age", "created", "modified"]

    static func parseTerm(_ token: Token) throws(FilterParseError) -> FilterTerm {
        var body = token.text
        var negated = false
        var keyLimit = token.keyEnd ?? Int.max
        if let first = body.first, first == "-" || first == "!", !(token.quoted && keyLimit == 0) {
            negated = true
            body.removeFirst()
            keyLimit -= 1
            if body.isEmpty && !token.quoted { throw FilterParseError("“\(token.text)” needs a term after it", at: token.position) }
        }
        // Find an operator before any quoted part.
        let chars = Array(body)
        var opIndex: Int?
        for (k, c) in chars.enumerated() where k < keyLimit {
            if c == ":" || c == "<" || c == ">" || c == "=" { opIndex = k; break }
        }
        guard let opIndex, opIndex > 0 else {
            let word = TextFolding.fold(body)
            if word.isEmpty && !token.quoted { throw FilterParseError("empty term", at: token.position) }
            return FilterTerm(negated: negated, .text(word))
        }
        let key = String(chars[0..<opIndex]).lowercased()
        var opEnd = opIndex + 1
        var op = String(chars[opIndex])
        if (op == "<" || op == ">"), opEnd < chars.count, chars[opEnd] == "=", opEnd < keyLimit { op += "="; opEnd += 1 }
        let value = opEnd < chars.count ? String(chars[opEnd...]) : ""
        guard keys.contains(key) else {
            if op == ":" {
                throw FilterParseError("unknown filter “\(key):” (known: \(keys.joined(separator: ", ")))", at: token.position)
            }
            // Not a filter key: a free word that happens to contain < > =.
            return FilterTerm(negated: negated, .text(TextFolding.fold(body)))
        }
        if value.isEmpty && !token.quoted { throw FilterParseError("\(key)\(op) needs a value", at: token.position) }
        let comparison: Comparison
        switch op {
        case ":", "=": comparison = .eq
        case "<": comparison = .lt
        case "<=": comparison = .le
        case ">": comparison = .gt
        default: comparison = .ge
        }
        let predicate: FilterPredicate
        switch key {
        case "state":
            try requireEquality(comparison, key, token)
            predicate = .state(try parseStates(value, token))
        case "type":
            try requireEquality(comparison, key, token)
            predicate = .type(try parseTypes(value, token))
        case "cost":
            guard let money = Money(text: value) else {
                throw FilterParseError("cost\(op) needs a number, not “\(value)”", at: token.position)
            }
            predicate = .cost(comparison, money.value)
        case "age":
            guard comparison != .eq else { throw FilterParseError("use age< or age> with a duration such as 2h", at: token.position) }
            guard let seconds = parseDuration(value) else {
                throw FilterParseError("age needs a duration such as 30m, 2h, 3d, not “\(value)”", at: token.position)
            }
            predicate = .created(comparison, .ago(seconds))
        case "created", "modified":
            guard comparison != .eq else { throw FilterParseError("use \(key)< or \(key)> with a date or a duration", at: token.position) }
            let bound: TimeBound
            if let seconds = parseDuration(value) {
                bound = .ago(seconds)
            } else if let date = WaldurDate.parse(value) {
                bound = .date(date)
            } else {
                throw FilterParseError("\(key) needs a date (2026-11-01) or a duration (30m, 2h), not “\(value)”", at: token.position)
            }
            predicate = key == "created" ? .created(comparison, bound) : .modified(comparison, bound)
        default:
            try requireEquality(comparison, key, token)
            guard let field = FilterField(rawValue: key) else { throw FilterParseError("unknown filter “\(key)”", at: token.position) }
            predicate = .field(field, TextFolding.fold(value))
        }
        return FilterTerm(negated: negated, predicate)
    }

    static func requireEquality(_ c: Comparison, _ key: String, _ token: Token) throws(FilterParseError) {
        if c != .eq { throw FilterParseError("\(key) takes “:”, not \(c.rawValue)", at: token.position) }
    }

    static func parseStates(_ value: String, _ token: Token) throws(FilterParseError) -> [OrderState] {
        var out: [OrderState] = []
        for part in value.lowercased().split(separator: ",") {
            let p = String(part)
            if p == "closed" { out += [.rejected, .canceled]; continue }
            let matches = OrderState.known.filter { $0.wire == p || $0.wire.hasPrefix(p) }
            if matches.isEmpty {
                throw FilterParseError("unknown state “\(p)” (known: \(OrderState.known.map(\.wire).joined(separator: ", ")))", at: token.position)
            }
            out += matches.filter { !out.contains($0) }
        }
        if out.isEmpty { throw FilterParseError("state: needs a value", at: token.position) }
        return out
    }

    static func parseTypes(_ value: String, _ token: Token) throws(FilterParseError) -> [OrderType] {
        var out: [OrderType] = []
        for part in value.lowercased().split(separator: ",") {
            let matches = OrderType.known.filter { $0.wire.lowercased().hasPrefix(String(part)) }
            if matches.isEmpty {
                throw FilterParseError("unknown type “\(part)” (known: \(OrderType.known.map(\.wire).joined(separator: ", ")))", at: token.position)
            }
            out += matches.filter { !out.contains($0) }
        }
        if out.isEmpty { throw FilterParseError("type: needs a value", at: token.position) }
        return out
    }

    /// `30s`, `30m`, `2h`, `3d`, `1w` (the unit is required).
    static func parseDuration(_ value: String) -> TimeInterval? {
        guard let unit = value.last, value.count >= 2, value.count <= 12 else { return nil }
        let digits = value.dropLast()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Double(digits) else { return nil }
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86400
        case "w": return n * 7 * 86400
        default: return nil
        }
    }
}
