import Foundation
import RecallCore

// recall-bench: measurements that print tables. See bench/README.md.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "accuracy":
  ImportAccuracy.run(folders: Array(arguments.dropFirst()))
default:
  print("usage: recall-bench accuracy FOLDER...")
  exit(2)
}
