/// The standalone page around a handout or the index: inline CSS, no scripts, no links out.
enum HTMLPage {
    /// `header` and `footer` go outside `<main>` (navigation between pages).
    static func make(title: String, body: String, header: String = "", footer: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title.htmlEscaped)</title>
        <style>
        \(HandoutStyle.css)
        </style>
        </head>
        <body>
        \(header)<main>
        \(body)</main>
        \(footer)</body>
        </html>

        """
    }
}
