import ArgumentParser

/// `--as consumer|provider` of approve and reject.
enum ReviewSide: String, ExpressibleByArgument, CaseIterable {
    case consumer, provider
}
