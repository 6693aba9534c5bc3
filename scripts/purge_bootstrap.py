#!/usr/bin/env python3
"""Writes static/vendor/bootstrap/bootstrap.min.css: Bootstrap's CSS with only the rules
whose classes the portal uses (``make css``). The full file stays in static_src/bootstrap/.

A rule is kept when every class in one of its selectors is a word that occurs in a
template or in the apps' Python code (so classes put together in code count too); rules
without classes (the reboot: ``body``, ``h1``, ``:root``'s variables) are always kept.
``tests/portal/test_static_weight.py`` fails when a template uses a Bootstrap class the
subset lacks: run ``make css`` then.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "static_src" / "bootstrap" / "bootstrap.min.css"
TARGET = ROOT / "static" / "vendor" / "bootstrap" / "bootstrap.min.css"
SKIP_DIRS = {".venv", "var", "node_modules", ".git", "static_src", "tests"}
CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def used_words():
    words = set()
    for path in ROOT.rglob("*"):
        # Relative parts: a checkout in a folder named "tests" or "var" is still read.
        skipped = SKIP_DIRS & set(path.relative_to(ROOT).parts)
        if path.suffix not in (".html", ".py", ".txt") or skipped:
            continue
        words |= set(re.findall(r"[a-zA-Z0-9_-]+", path.read_text(errors="ignore")))
    return words


def blocks(css):
    """Top-level ``(prelude, body)`` pairs of a CSS text (comments dropped)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    i, start, depth, prelude, quote = 0, 0, 0, None, None
    while i < len(css):
        ch = css[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            if depth == 0:
                prelude, start = css[start:i].strip(), i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                yield prelude, css[start:i]
                start = i + 1
        i += 1


def keep_selector(selector, words):
    return all(name in words for name in CLASS.findall(selector))


def purge(css, words):
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith(("@media", "@supports", "@container", "@layer")):
            inner = purge(body, words)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @keyframes, @font-face: small, kept
        else:
            selectors = [s for s in split_selectors(prelude) if keep_selector(s, words)]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def split_selectors(prelude):
    parts, depth, current = [], 0, ""
    for ch in prelude:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def main(target=TARGET):
    full = SOURCE.read_text().replace('@charset "UTF-8";', "", 1)
    banner = re.match(r"\s*(/\*!.*?\*/)", full, flags=re.S)
    subset = purge(full, used_words())
    header = '@charset "UTF-8";' + (banner.group(1) if banner else "")
    target.write_text(header + subset + "\n")
    print(f"{target}: {len(subset)} af {len(full)} tegn", file=sys.stderr)


if __name__ == "__main__":
    # An optional path writes the subset there instead (the test compares it).
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
