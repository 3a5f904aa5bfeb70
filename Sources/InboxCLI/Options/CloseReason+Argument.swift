// Close reasons on the command line, by their stored names (forwarded, no-answer-needed).
public import ArgumentParser
public import InboxStore

extension CloseReason: ExpressibleByArgument {}
