/// Why there is no `--token` flag, and where a token can come from instead.
enum TokenFlag {
    /// The answer to `--token VALUE`.
    static let refusal = """
    tokens are never taken as flags (a flag's value shows in `ps` and in shell history); give it with \
    --token-file PATH (mode 0600), the WALDUR_ACCESS_TOKEN environment variable, or a profile in \
    ~/.config/waldur-cli/credentials.toml
    """
}
