// A case's language on the command line (`--lang sv|en`), by its stored name.
public import ArgumentParser
public import InboxStore

extension CaseLanguage: ExpressibleByArgument {}
