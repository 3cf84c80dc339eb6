"""Whole-page text dumps of a set that has only HTML, by the evaluation data's rule.

    python benchmarks/make_dumps.py ../shared/bench/wcxb-dev-other --into /tmp/other

Copies the set's gold (`ground-truth/`) and pages (`html/`) under `--into` and writes
`dumps/<id>.txt` next to them, as a naive scraper keeps a page: the body without scripts,
styles and comments, a new line wherever a block element opens or closes, whitespace
collapsed, empty lines dropped. `cleaner eval` then scores the cleaner on the dumps. (The
rule gives 291 of the first 300 bundled WCXB article dumps byte for byte; the others differ in
the lines of a form's fields.)
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
from pathlib import Path

# Elements that start and end a line of the dump.
BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "figure", "figcaption"}
    | {"li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "br", "blockquote", "pre", "hr", "option"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)


def dump(html: str) -> str:
    """The page's text, one line per run of text between block elements."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    if tree.body is None:
        return ""
    lines = [""]
    stack = [(iter([tree.body]), False)]  # each open element's children to visit, and if it is a block
    while stack:  # depth first, without recursion: pages nest deeper than Python's stack allows
        children, block = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if block:
                lines.append("")
        elif node.is_text_node:
            lines[-1] += node.text_content or ""
        elif node.tag != "-comment":
            opens_line = node.tag in BLOCK_TAGS
            if opens_line:
                lines.append("")
            stack.append((node.iter(include_text=True), opens_line))
    squeezed = (" ".join(line.split()) for line in lines)
    return "\n".join(line for line in squeezed if line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path, help="a WCXB-style set: ground-truth/ and html/<id>.html.gz")
    parser.add_argument("--into", type=Path, required=True, help="where the set with dumps is written")
    args = parser.parse_args(argv)
    for part in ("ground-truth", "html"):
        shutil.copytree(args.set / part, args.into / part, dirs_exist_ok=True)
    (args.into / "dumps").mkdir(parents=True, exist_ok=True)
    pages = sorted((args.set / "html").glob("*.html.gz"))
    for path in pages:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        (args.into / "dumps" / f"{path.name.split('.')[0]}.txt").write_text(dump(html) + "\n", encoding="utf-8")
    print(f"{len(pages)} dumps written to {args.into / 'dumps'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
