import ArgumentParser
import Foundation
import RecallCore
import RecallServer
import RecallStore

/// `recall serve`: the web app, on this machine unless told otherwise.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Study in a browser: decks, import, study, browse, stats and settings, on a laptop or a phone.",
    discussion: """
      Files named after the options are imported first, as `recall import` would (Anki packages and Recall \
      JSON exports whole, with their history and images), so `recall serve notes.txt` is enough to start. The \
      server listens on 127.0.0.1 (this machine only) unless --host says otherwise; any other address needs \
      --password-file. Ctrl-C (or SIGTERM) stops it after the requests in flight; every answer already given is \
      on disk.
      """
  )

  @OptionGroup var collection: CollectionOptions

  @Option(help: "The address to listen on; anything other than loopback needs --password-file.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8080

  @Option(
    help: ArgumentHelp(
      "A file whose first line is the password, or its bcrypt hash (see --hash-password).", valueName: "file"))
  var passwordFile: String?

  @Flag(help: "Read a password from standard input, print its bcrypt hash for a password file, and exit.")
  var hashPassword = false

  @Argument(help: "Files to import before serving; - reads standard input.")
  var files: [String] = []

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("the port is a number from 0 to 65535") }
  }

  func run() async throws {
    try await reportingFailures {
      if hashPassword {
        let password = readLine(strippingNewline: true) ?? ""
        guard password.count >= 8 else { throw CommandFailure("the password needs at least 8 characters") }
        print(PasswordLogin.hash(password))
        return
      }
      var login: PasswordLogin?
      if let passwordFile {
        do {
          login = try PasswordLogin.fromFile(passwordFile)
        } catch {
          throw CommandFailure(String(describing: error))
        }
      }
      let store = try collection.open()
      try importFiles(into: store)
      let configuration = ServerConfiguration(host: host, port: port, login: login)
      let protected = login != nil
      do {
        try await RecallServer.serve(collection: store, configuration: configuration) { port in
          Self.announce(host: configuration.host, port: port, protected: protected)
        }
      } catch let error as ServerConfigurationError {
        throw CommandFailure(error.description)
      }
      write("Recall stopped; every answer is saved.\n", to: .standardError)
    }
  }

  /// Imports the files named on the command line as `recall import` does: Anki packages and Recall JSON exports
  /// through the collection importer, text files parsed. Any file that cannot be read stops the server from
  /// starting, since the student meant to study it; text files are all parsed before anything is saved.
  private func importFiles(into store: Collection) throws {
    let collectionFiles = files.filter(FileImport.isCollectionFile)
    let (parsed, failures) = FileImport.parse(files.filter { !collectionFiles.contains($0) })
    guard failures.isEmpty else { throw CommandFailure(failures.joined(separator: "\nrecall: ")) }
    if !collectionFiles.isEmpty {
      let result = FileImport.importCollectionFiles(collectionFiles, deck: nil, dryRun: false, into: { store })
      for report in result.reports { Self.write(report.text + "\n", to: .standardOutput) }
      guard result.failures.isEmpty else { throw CommandFailure(result.failures.joined(separator: "\nrecall: ")) }
    }
    for report in try storeCall({ try FileImport.save(parsed, deck: nil, into: store) }) {
      Self.write(report.text + "\n", to: .standardOutput)
    }
  }

  /// Prints where the app is, unbuffered: scripts wait for this line.
  private static func announce(host: String, port: Int, protected: Bool) {
    let shown = host == "0.0.0.0" || host == "::" ? "localhost" : host.contains(":") ? "[\(host)]" : host
    var text = "Recall is running at http://\(shown):\(port)/ (Ctrl-C stops it)\n"
    if !ServerConfiguration.isLoopback(host) {
      text += "Listening beyond this machine, password required. Plain HTTP: on an untrusted network, put it behind "
      text += "an HTTPS reverse proxy (cookies are marked Secure when it sends X-Forwarded-Proto: https).\n"
    } else if protected {
      text += "Password required.\n"
    }
    write(text, to: .standardOutput)
  }

  private static func write(_ text: String, to handle: FileHandle) {
    handle.write(Data(text.utf8))
  }

  private func write(_ text: String, to handle: FileHandle) { Self.write(text, to: handle) }
}
