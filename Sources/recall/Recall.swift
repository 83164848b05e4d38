import RecallCLI

@main
extension RecallCommand {}
