// An invalid policy is reported as the TOML reader reports any mistake: where, what, and how to
// fix it.
public import InboxTOML

public typealias PolicyError = TOMLError
