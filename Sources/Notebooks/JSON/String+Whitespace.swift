extension StringProtocol {
    /// Without leading and trailing whitespace (FoundationEssentials has no `trimmingCharacters`).
    func trimmedOfWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
