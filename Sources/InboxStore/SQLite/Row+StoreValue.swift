// Reading a column of a row without a trap: GRDB's subscripts force-try their conversion, so a
// value of the wrong kind (a row changed by hand, or by someone with the database's write access)
// would stop the purge or a staff command for good. Here it is a StoreError that names the column.
import GRDB

extension Row {
    func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        do {
            return try decode(Value.self, forColumn: column)
        } catch {
            throw StoreError.corrupt("the column \(column) holds a value of the wrong kind")
        }
    }
}
