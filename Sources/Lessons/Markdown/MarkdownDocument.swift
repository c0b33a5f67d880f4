import CMark
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The parts of a cmark tree that lessons need, as Swift values. This is the only file that
/// touches cmark's C API: it copies what it needs and frees the C memory before returning.
public struct MarkdownDocument: Sendable {
    /// A code block (fenced or indented) with its position in the source.
    public struct CodeBlock: Sendable, Equatable {
        /// Whole info string, as written after the opening fence (empty for indented blocks).
        public var info: String
        /// The block's text, one `\n`-terminated line per source line.
        public var literal: String
        /// 1-based line of the opening fence.
        public var startLine: Int
        /// 1-based line of the closing fence (or of the last content line when unclosed).
        public var endLine: Int
        /// 1-based column (in bytes) where the block starts.
        public var startColumn: Int
        /// Index in `codeBlocks` of the block that is this block's next sibling in the tree,
        /// when that sibling is a code block: only blank lines lie between them.
        public var nextSiblingCodeBlock: Int?

        /// The first word of the info string (`python` in "python title=x").
        public var language: String {
            String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
    }

    public private(set) var codeBlocks: [CodeBlock] = []
    /// Plain text of the first level-1 heading, if any.
    public private(set) var firstTitle: String?
    /// Lines of the first top-level paragraph, if any (a lesson's summary when it gives none).
    public private(set) var firstParagraphLines: ClosedRange<Int>?

    /// Parses CommonMark text (line endings must already be `\n`).
    public init(parsing text: String) {
        let root = Self.parseTree(text)
        defer { cmark_node_free(root) }
        collect(children: root)
    }

    private mutating func collect(children parent: OpaquePointer) {
        var child = cmark_node_first_child(parent)
        var previousCodeBlock: Int?
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_CODE_BLOCK {
                let index = codeBlocks.count
                if let previous = previousCodeBlock { codeBlocks[previous].nextSiblingCodeBlock = index }
                codeBlocks.append(CodeBlock(
                    info: Self.string(cmark_node_get_fence_info(node)),
                    literal: Self.string(cmark_node_get_literal(node)),
                    startLine: Int(cmark_node_get_start_line(node)),
                    endLine: Int(cmark_node_get_end_line(node)),
                    startColumn: Int(cmark_node_get_start_column(node)),
                    nextSiblingCodeBlock: nil))
                previousCodeBlock = index
            } else {
                previousCodeBlock = nil
                if type == CMARK_NODE_PARAGRAPH, firstParagraphLines == nil, cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT {
                    firstParagraphLines = Int(cmark_node_get_start_line(node))...Int(cmark_node_get_end_line(node))
                }
                if type == CMARK_NODE_HEADING, firstTitle == nil, cmark_node_get_heading_level(node) == 1 {
                    firstTitle = Self.plainText(node)
                } else if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM {
                    collect(children: node)
                }
            }
            child = cmark_node_next(node)
        }
    }

    /// Renders CommonMark to HTML with cmark, replacing the code blocks that start on the
    /// given lines by ready-made HTML and dropping those in `removing`. Raw HTML in the text
    /// is omitted (cmark's safe default); the substituted HTML is emitted as is.
    public static func renderHTML(_ text: String, replacing: [Int: String] = [:], removing: Set<Int> = []) -> String {
        renderHTML(text, replacing: replacing, removing: removing, hooks: ProseHooks())
    }

    /// How `renderHTML` may change what cmark writes, for reports that add to the prose
    /// (math in text, heading anchors) without touching code.
    public struct ProseHooks {
        /// HTML for the literal of a text node, or nil to let cmark escape it. Never called
        /// for code, nor for text inside an image description.
        public var textHTML: (String) -> String? = { _ in nil }
        /// Plain text for a literal where markup cannot stand: image descriptions, link
        /// destinations and titles, inline code.
        public var plainText: (String) -> String = { $0 }
        /// Opening and closing tags for the n-th heading (from 0, document order) of the
        /// given level, in place of cmark's `<hN>` and `</hN>`; nil keeps cmark's.
        public var heading: (_ index: Int, _ level: Int) -> (open: String, close: String)? = { _, _ in nil }

        public init() {}
    }

    /// `renderHTML` with hooks for text nodes and headings (see `ProseHooks`).
    public static func renderHTML(_ text: String, replacing: [Int: String], removing: Set<Int>, hooks: ProseHooks) -> String {
        let root = parseTree(text)
        defer { cmark_node_free(root) }
        var codeNodes: [OpaquePointer] = []
        var textNodes: [OpaquePointer] = []
        var plainNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var imageDepth = 0
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE { imageDepth += event == CMARK_EVENT_ENTER ? 1 : -1 }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_CODE_BLOCK: codeNodes.append(node)
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_TEXT: if imageDepth > 0 { plainNodes.append(node) } else { textNodes.append(node) }
            case CMARK_NODE_CODE: plainNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                cmark_node_set_url(node, hooks.plainText(string(cmark_node_get_url(node))))
                cmark_node_set_title(node, hooks.plainText(string(cmark_node_get_title(node))))
            default: break
            }
        }
        cmark_iter_free(iterator)
        for node in plainNodes {
            cmark_node_set_literal(node, hooks.plainText(string(cmark_node_get_literal(node))))
        }
        for node in textNodes {
            guard let html = hooks.textHTML(string(cmark_node_get_literal(node))) else { continue }
            let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(inline, html)
            cmark_node_replace(node, inline)
            cmark_node_free(node)
        }
        for (index, node) in headingNodes.enumerated() {
            let level = Int(cmark_node_get_heading_level(node))
            guard let tags = hooks.heading(index, level) else { continue }
            let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(block, tags.open)
            cmark_node_set_on_exit(block, tags.close)
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        for node in codeNodes {
            let line = Int(cmark_node_get_start_line(node))
            if let html = replacing[line] {
                let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
                cmark_node_set_on_enter(block, html)
                cmark_node_replace(node, block)
                cmark_node_free(node)
            } else if removing.contains(line) {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// A heading of the document: its level and its text without markup.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
    }

    /// Every heading, in document order (the order `ProseHooks.heading` counts in).
    public static func headings(_ text: String) -> [Heading] {
        let root = parseTree(text)
        defer { cmark_node_free(root) }
        var headings: [Heading] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_HEADING {
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(node)))
            }
        }
        cmark_iter_free(iterator)
        return headings
    }

    private static func parseTree(_ text: String) -> OpaquePointer {
        let root = text.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parse_document(buffer.baseAddress, buffer.count - 1, CMARK_OPT_DEFAULT)
        }
        guard let root else { preconditionFailure("cmark could not allocate a document") }
        return root
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let inline = child {
            switch cmark_node_get_type(inline) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(inline))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: text += plainText(inline)
            }
            child = cmark_node_next(inline)
        }
        return text
    }
}
