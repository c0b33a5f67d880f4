/// The stylesheet every page inlines, so handouts open anywhere without a network.
enum HandoutStyle {
    static let css = """
    body { margin: 0; background: #fdfdfc; color: #1f2328; font: 16px/1.6 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
    main { max-width: 860px; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
    h1, h2, h3 { line-height: 1.25; }
    a { color: #0b57d0; }
    code, pre { font: 14px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
    pre { margin: 0; padding: 0.7rem 0.9rem; overflow-x: auto; white-space: pre; }
    p code, li code { background: #eef0f3; padding: 0.1em 0.3em; border-radius: 4px; }
    pre:not([class]) { background: #f4f5f7; border-radius: 6px; }
    .cell { margin: 1.1rem 0; border: 1px solid #d9dde3; border-radius: 6px; overflow: hidden; }
    .cell .code { background: #f6f8fa; }
    .cell .output { background: #fff; border-top: 1px solid #e5e8ec; }
    .cell .warnings { background: #fff8e1; border-top: 1px solid #f2d98a; color: #6b4e00; }
    .cell .error { background: #fdecec; border-top: 1px solid #f2b8b8; color: #8a1414; }
    .cell .note { margin: 0; padding: 0.35rem 0.9rem; font-size: 0.85rem; background: #f0f1f4; color: #57606a; border-top: 1px solid #e5e8ec; }
    .cell.failed { border-color: #e07070; }
    .cell.failed .note { background: #fbe4e4; color: #8a1414; }
    .keyword { color: #8250df; font-weight: 600; }
    .string { color: #0a6b2d; }
    .number { color: #0550ae; }
    .comment { color: #6e7781; font-style: italic; }
    .banner { padding: 0.6rem 0.9rem; border-radius: 6px; background: #fbe4e4; color: #8a1414; }
    table.lessons { border-collapse: collapse; width: 100%; }
    table.lessons th, table.lessons td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid #e5e8ec; }
    .status-pass { color: #0a6b2d; font-weight: 600; }
    .status-fail { color: #b01c1c; font-weight: 600; }
    """
}
