/// `cost > 100`, `cost >100` and `cost> 100` read like `cost>100`: a known filter key, an operator and a value
/// separated by spaces are joined into one term before parsing (a free word next to `>` is left alone).
extension FilterExpression {
    static let operatorCharacters: Set<Character> = [":", "<", ">", "="]

    /// Joins `key`, `op` and `value` tokens that spaces split apart.
    static func joinSpacedOperators(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < tokens.count {
            var token = tokens[i]
            i += 1
            guard isBareKey(token) else { out.append(token); continue }
            // key  op…
            if i < tokens.count, startsWithOperator(tokens[i]) {
                token = appending(token, tokens[i])
                i += 1
            }
            // key op  value
            if endsWithOperator(token), token.text.count > keyLength(token), i < tokens.count, !startsWithOperator(tokens[i]) {
                token = appending(token, tokens[i])
                i += 1
            }
            out.append(token)
        }
        return out
    }

    /// The unquoted token is a filter key alone, or a key and its operator with no value (`cost`, `-cost`, `cost>`).
    static func isBareKey(_ token: Token) -> Bool {
        guard token.keyEnd == nil else { return false }
        var body = Substring(token.text)
        if let first = body.first, first == "-" || first == "!" { body = body.dropFirst() }
        while let last = body.last, operatorCharacters.contains(last) { body = body.dropLast() }
        return keys.contains(body.lowercased())
    }

    /// Characters up to the operator (the key with its negation sign).
    static func keyLength(_ token: Token) -> Int {
        token.text.firstIndex(where: operatorCharacters.contains).map { token.text.distance(from: token.text.startIndex, to: $0) } ?? token.text.count
    }

    static func startsWithOperator(_ token: Token) -> Bool {
        guard let first = token.text.first else { return false }
        return (token.keyEnd ?? 1) > 0 && operatorCharacters.contains(first)
    }

    static func endsWithOperator(_ token: Token) -> Bool {
        guard let last = token.text.last else { return false }
        return token.keyEnd == nil && operatorCharacters.contains(last)
    }

    static func appending(_ a: Token, _ b: Token) -> Token {
        let keyEnd = a.keyEnd ?? b.keyEnd.map { a.text.count + $0 }
        return Token(text: a.text + b.text, position: a.position, keyEnd: keyEnd, quoted: a.quoted || b.quoted)
    }
}
