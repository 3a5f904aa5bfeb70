// `inbox stats --by month|topic|page`.
public import ArgumentParser
public import InboxCore

extension CaseStatistics.Grouping: ExpressibleByArgument {}
