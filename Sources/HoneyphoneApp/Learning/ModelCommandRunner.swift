import Foundation
import Inference

/// `honeyphone model --show | --check FILE`: prints the built-in model, or validates a model file.
///
/// Exit status: 0 shown or valid; 65 the file is invalid (the error is printed as `FILE:LINE:COLUMN: message`);
/// 66 the file cannot be read.
public enum ModelCommandRunner {
    /// Prints ``DefaultModel/text``.
    public static func show(print: (String) -> Void) -> Int32 {
        print(DefaultModel.text)
        return 0
    }

    /// Validates the model at `path`: it must parse and suit the verdict engine.
    public static func check(path: String, print: (String) -> Void) -> Int32 {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            print("honeyphone: \(path): cannot read: \(error)")
            return 66
        }
        do {
            let model = try ModelParser.parse(text)
            _ = try VerdictEngine(model: model)
            print("\(path): valid model (\(model.tree.states(of: model.tree.root).joined(separator: ", ")))")
            return 0
        } catch {
            print("\(path):\(error.line):\(error.column): \(error.code): \(error.message)")
            return 65
        }
    }
}
