#!/usr/bin/env python3
"""The referral handout as a person gets it on paper: the CLI writes the
handout's HTML (English and French) for chosen services of the demo
directory, headless Chromium prints it to PDF, pdftotext (poppler-utils)
reads the PDF back, and every line of the plain-text handout for the same
services must be on the printed page (its value, without the label: the page
lays labels out beside values).

Usage: handout_pdf.py CLI ID...
Environment: CHROMIUM (default /usr/bin/chromium).
Prints "handout-pdf: N passed, M failed" last; exits 1 on failure. The PDFs
are left in $HANDOUT_PDF_DIR when it is set.
"""

import os
import re
import subprocess
import sys
import tempfile

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No network, no first-run or update work, no sandbox (CI runs as root).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
]


def squash(text):
    """Text without the differences of layout: whitespace, and the hyphens
    pdftotext drops where a long word (a URL) breaks across lines."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def logical_lines(text):
    """The text handout's lines, with wrapped continuations joined back and
    the labels, list dashes, numbering and underlines taken off."""
    lines = []
    for line in text.splitlines():
        if line.startswith("  ") and lines and not line.lstrip().startswith("- "):
            lines[-1] += " " + line.strip()
        elif line.strip():
            lines.append(line.strip())
    values = []
    for line in lines:
        if set(line) <= set("=-"):
            continue
        line = re.sub(r"^(- |\d+\. )", "", line)
        line = re.sub(r"\s*:$", "", line)  # the label of a list: "Cost:"
        label = re.match(r"^[^:]{1,40}? ?: (.+)$", line)
        # "Label: value": the page shows the label and the value apart.
        values.append(label.group(1) if label and len(label.group(0).split(":")[0].split()) <= 6 else line)
    return values


def main(cli, ids):
    out_dir = os.environ.get("HANDOUT_PDF_DIR") or tempfile.mkdtemp(prefix="servicematch-handout-")
    passed = failed = 0
    for lang in ("en", "fr"):
        text = subprocess.run([cli, "handout", *ids, "--lang", lang], check=True, capture_output=True, text=True).stdout
        html = subprocess.run([cli, "handout", *ids, "--lang", lang, "--html"], check=True, capture_output=True, text=True).stdout
        html_path = os.path.join(out_dir, f"handout-{lang}.html")
        pdf_path = os.path.join(out_dir, f"handout-{lang}.pdf")
        with open(html_path, "w", encoding="utf-8") as file:
            file.write(html)
        profile = tempfile.mkdtemp(prefix="servicematch-chromium-")
        subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}", "file://" + html_path],
            check=True,
            capture_output=True,
            timeout=120,
        )
        printed = subprocess.run(["pdftotext", pdf_path, "-"], check=True, capture_output=True, text=True).stdout
        pages = printed.count("\f")
        missing = [line for line in logical_lines(text) if squash(line) not in squash(printed)]
        if missing or not printed.strip():
            failed += 1
            print(f"FAIL  handout ({lang}) printed to PDF: {len(missing)} lines of the text handout missing")
            for line in missing[:20]:
                print(f"      missing: {line}")
            print("      the PDF's text:\n" + "\n".join("      | " + l for l in printed.splitlines()[:80]))
        else:
            passed += 1
            print(f"ok    handout ({lang}) printed to PDF ({pages} page(s)): every line of the text handout is on the page")
    print(f"handout-pdf: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
