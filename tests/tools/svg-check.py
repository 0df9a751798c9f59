#!/usr/bin/env python3
"""svg-check.py FILE.html: the CLI tests' check of a report's charts.

Every inline <svg> must parse as XML, carry role="img", an aria-label, a
<title> and a <desc>, and keep every <text> inside its viewBox with room
for the text, taken as 0.6 x font size per character (the same rule as
tests/unit/u-svg.c). Prints the first problems and exits 1 when any.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
html = open(sys.argv[1], encoding="utf-8").read()
charts = re.findall(r"<svg.*?</svg>", html, re.S)
problems = []
if not charts:
    problems.append("no charts")
for n, text in enumerate(charts, 1):
    svg = ET.fromstring(text)
    _, _, vw, vh = (float(v) for v in svg.get("viewBox").split())
    name = svg.findtext(NS + "title") or ""
    if svg.get("role") != "img" or not svg.get("aria-label") or not name or not svg.findtext(NS + "desc"):
        problems.append(f"chart {n}: no role, aria-label, title or desc")
    for t in svg.iter(NS + "text"):
        s = "".join(t.itertext())
        x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
        w = 0.6 * size * len(s)
        left = {"end": x - w, "middle": x - w / 2}.get(t.get("text-anchor"), x)
        if left < 0 or left + w > vw or y - size < 0 or y > vh:
            problems.append(f"chart {n} ({name}): \"{s}\" at {x},{y} does not fit 0 0 {vw:g} {vh:g}")
for p in problems[:10]:
    print(p)
sys.exit(1 if problems else 0)
