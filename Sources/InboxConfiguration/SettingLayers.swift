import InboxTOML

// Where settings come from, in order: the command line, then the environment (an empty variable
// counts as unset), then the configuration file; the caller supplies the default. Both executables
// resolve every setting through this one type.

public struct SettingLayers: Sendable {
    public let environment: [String: String]
    public let file: ConfigurationFile?

    public init(environment: [String: String], file: ConfigurationFile?) {
        self.environment = environment
        self.file = file
    }

    /// The setting `name` (the long option without dashes, which is also its key in the file),
    /// from `option` if given, else the environment variable `variable`, else the file.
    public func setting(_ name: String, option: String?, variable: String) -> Setting? {
        if let option { return Setting(option, from: .option("--\(name)")) }
        if let value = environment[variable], !value.isEmpty { return Setting(value, from: .environment(variable)) }
        if let entry = file?.settings[name] { return Setting(entry.value, from: .file(entry.location.description)) }
        return nil
    }

    /// The value alone, for settings whose every value is valid (paths).
    public func value(_ name: String, option: String?, variable: String) -> String? {
        setting(name, option: option, variable: variable)?.value
    }
}
