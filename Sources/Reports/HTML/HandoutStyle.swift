/// The stylesheet every page inlines, so handouts open anywhere without a network: light and
/// dark colours (`prefers-color-scheme`), narrow screens (outputs and code wrap with a marker
/// beside continued lines) and paper (A4, no backgrounds, cells kept whole, link targets shown).
enum HandoutStyle {
    static let css = """
    :root { color-scheme: light dark; \(Palette.light.declarations) }
    @media (prefers-color-scheme: dark) { :root { \(Palette.dark.declarations) } }
    body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
    main { max-width: 860px; margin: 0 auto; padding: 1rem 1.25rem 3rem; overflow-wrap: break-word; }
    h1, h2, h3, h4 { line-height: 1.25; }
    h1 code, h2 code, h3 code, h4 code { font-size: 0.9em; }
    a { color: var(--link); }
    .anchor { margin-left: 0.3em; text-decoration: none; color: var(--muted); opacity: 0; }
    h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
    code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    code { font-size: 0.875em; overflow-wrap: anywhere; }
    pre { margin: 0; padding: 0.7rem 0.9rem; font-size: 14px; line-height: 1.45; overflow-x: auto; white-space: pre; }
    pre code { font-size: inherit; overflow-wrap: inherit; }
    p code, li code, td code { background: var(--note-bg); padding: 0.1em 0.3em; border-radius: 4px; }
    pre:not([class]) { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; }
    .line { display: block; min-height: 1.45em; }
    .cell { margin: 1.1rem 0; border: 1px solid var(--border); border-radius: 6px; overflow: hidden; }
    .cell-head { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; align-items: baseline; padding: 0.15rem 0.9rem; font-size: 0.8rem; background: var(--note-bg); color: var(--muted); border-bottom: 1px solid var(--border); }
    .cell-number { color: var(--muted); font-variant-numeric: tabular-nums; }
    .state { font-weight: 600; }
    .state-pass { color: var(--pass); }
    .state-fail { color: var(--fail); }
    .state-expected, .state-neutral { color: var(--text); }
    .cell .code { background: var(--code-bg); }
    .cell .output { background: var(--output-bg); border-top: 1px solid var(--border); }
    .cell .warnings { background: var(--warning-bg); border-top: 1px solid var(--border); color: var(--warning); }
    .cell .error { background: var(--error-bg); border-top: 1px solid var(--border); color: var(--error); }
    .cell .error.expected { background: var(--note-bg); color: var(--text); }
    .cell .diff { background: var(--output-bg); border-top: 1px solid var(--border); }
    .diff .deleted { background: var(--deleted-bg); }
    .diff .inserted { background: var(--inserted-bg); }
    .cell .note { margin: 0; padding: 0.35rem 0.9rem; font-size: 0.85rem; background: var(--note-bg); color: var(--muted); border-top: 1px solid var(--border); }
    .cell.failed { border-color: var(--fail); }
    .cell.failed .note { color: var(--fail); }
    .output, .warnings, .error, .diff { white-space: pre-wrap; overflow-wrap: anywhere; }
    .output .line, .warnings .line, .error .line, .diff .line { padding-left: 1.2em; text-indent: -1.2em; background: linear-gradient(var(--wrap-marker), var(--wrap-marker)) no-repeat 0.3em 1.45em / 2px calc(100% - 1.45em); }
    .keyword { color: var(--keyword); font-weight: 600; }
    .builtin { color: var(--builtin); }
    .string { color: var(--string); }
    .field { color: var(--field); }
    .number { color: var(--number); }
    .comment { color: var(--comment); font-style: italic; }
    .decorator { color: var(--decorator); }
    .banner { padding: 0.6rem 0.9rem; border-radius: 6px; background: var(--error-bg); color: var(--error); }
    .pager { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; max-width: 860px; margin: 0 auto; padding: 0.6rem 1.25rem; font-size: 0.9rem; box-sizing: border-box; }
    .pager .next { margin-left: auto; text-align: right; }
    .toc { margin: 1rem 0 1.5rem; padding: 0.5rem 1rem; background: var(--note-bg); border-radius: 6px; }
    .toc h2 { margin: 0.3rem 0; font-size: 1rem; }
    .toc ol { margin: 0.2rem 0; padding-left: 1.3rem; }
    math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; font-size: 1.05em; }
    math[display="block"] { margin: 0.8rem 0; overflow-x: auto; overflow-y: hidden; max-width: 100%; }
    merror { border: 1px solid var(--fail); background: var(--warning-bg); color: var(--warning); }
    figure { margin: 0; padding: 0.5rem 0.9rem; border-top: 1px solid var(--border); background: var(--output-bg); }
    figure svg { max-width: 100%; height: auto; }
    ol.lessons { padding-left: 1.6rem; }
    ol.lessons li { margin: 0 0 1rem; }
    .lesson-title { font-weight: 600; font-size: 1.1rem; }
    .summary { margin: 0.15rem 0; }
    .status { margin: 0; font-size: 0.9rem; color: var(--muted); }
    .status .state-pass, .status .state-fail { font-weight: 600; }
    @media (max-width: 600px) {
      main { padding: 0.75rem 0.8rem 2rem; }
      .pager { padding: 0.5rem 0.8rem; }
      pre { font-size: 12.5px; padding: 0.5rem 0.6rem; }
      .cell-head { padding: 0.15rem 0.6rem; }
      pre.code, pre:not([class]) { white-space: pre-wrap; overflow-wrap: anywhere; }
      pre.code .line, pre:not([class]) .line { padding-left: 1.2em; text-indent: -1.2em; background: linear-gradient(var(--wrap-marker), var(--wrap-marker)) no-repeat 0.3em 1.45em / 2px calc(100% - 1.45em); }
    }
    @media print {
      @page { size: A4; margin: 16mm 15mm; }
      :root { \(Palette.light.declarations) }
      body { background: none; font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      .pager, .anchor { display: none; }
      .cell, figure, math[display="block"] { break-inside: avoid; }
      h1, h2, h3, h4 { break-after: avoid; }
      .cell, pre:not([class]) { border-color: #8c959f; }
      .cell-head, .cell .code, .cell .output, .cell .warnings, .cell .error, .cell .note, .toc, .banner, pre:not([class]), p code, li code, .diff .deleted, .diff .inserted { background: none; }
      pre { font-size: 8.5pt; white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
      .line { background: none !important; }
      .diff .deleted { text-decoration: line-through; }
      main a[href]:not([href^="#"]):not(.cell-number)::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
    }
    """
}
