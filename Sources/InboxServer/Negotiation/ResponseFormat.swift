// Which kind of answer a client gets to a submission: a browser (and curl's `*/*`) gets HTML pages
// and redirects, a client whose Accept header puts JSON before HTML gets JSON.

enum ResponseFormat: Equatable {
    case html, json

    init(accept: String?) {
        let list = QualityList(accept)
        let json = list.quality { $0 == "application/json" || $0.hasSuffix("+json") }
        let html = list.quality { $0 == "text/html" || $0 == "application/xhtml+xml" }
        self = json > 0 && json > html ? .json : .html
    }
}
