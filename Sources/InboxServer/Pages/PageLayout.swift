// The frame every public page shares: language, title, the stylesheet, the language switch.

enum PageLayout {
    static func render(language: PageLanguage, title: String, switchPath: String, body: String) -> String {
        let text = PageText(language: language)
        let other = language.other
        return """
            <!doctype html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <link rel="stylesheet" href="/style.css">
            </head>
            <body>
            <header><a href="\(HTML.escape(switchPath))lang=\(other.rawValue)" lang="\(other.rawValue)" hreflang="\(other.rawValue)">\(text.switchLanguage)</a></header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// Served as /style.css, so that the Content-Security-Policy can forbid inline styles.
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 42rem; margin: 0 auto; padding: 1rem; color: #1c1c1c; background: #fff; }
        main, header { overflow-wrap: anywhere; }
        header { text-align: right; }
        a { color: #0b4f9c; }
        label { display: block; font-weight: 600; margin-top: 1.25rem; }
        textarea, input { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; border: 2px solid #555; border-radius: 4px; }
        .hint { margin: 0.25rem 0; color: #3d3d3d; }
        .error { margin: 0.25rem 0; color: #a4000f; font-weight: 600; }
        [aria-invalid="true"] { border-color: #a4000f; }
        .summary { border: 3px solid #a4000f; padding: 0.5rem 1rem; margin: 1rem 0; }
        button { margin-top: 1.5rem; font: inherit; font-weight: 600; padding: 0.6rem 1.4rem; color: #fff; background: #0b4f9c; border: 2px solid #0b4f9c; border-radius: 4px; max-width: 100%; }
        :focus-visible { outline: 3px solid #e8a200; outline-offset: 2px; }
        .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
        .reference { font-size: 1.6rem; font-weight: 700; letter-spacing: 0.05em; }
        @media (forced-colors: active) {
            button { border-color: ButtonText; }
            :focus-visible { outline-color: Highlight; }
        }
        """
}
