# HTML reports: self-contained, every value escaped, charts as inline SVG
# that parses as XML, and the not-medical-advice line.
$ mgtrack --profile '<b>&amp' init --age 40 --sex female --goal sleep
$ mgtrack --profile '<b>&amp' product add --name G --form glycinate --elemental-mg 100
$ mgtrack --profile '<b>&amp' import diary "$FIXTURES/review/diary.csv"
$ mgtrack --profile '<b>&amp' import doses "$FIXTURES/review/doses.csv"
$ mgtrack --profile '<b>&amp' report --html report.html --days 42
> report written to report.html
@ grep -q '&lt;b&gt;&amp;amp' report.html
@ ! grep -q '<b>&amp' report.html
@ grep -q 'Not medical advice' report.html
@ grep -q 'Day 20: continue' report.html
@ ! grep -Eq '<script|https?://[^"]*\.(js|css)' report.html
@ python3 -c 'import re, xml.etree.ElementTree as ET; t=open("report.html").read(); s=re.findall(r"<svg.*?</svg>", t, re.S); assert len(s) >= 4, len(s); [ET.fromstring(x) for x in s]'
# Charts: accessible, every label inside its chart; each outcome on its own
# scale with its rolling mean, before/on magnesium with their means, and
# the review's effects as a forest plot.
@ python3 "$ROOT/tests/tools/svg-check.py" report.html
@ grep -q '<title>Change on magnesium, day 20, with its 95 % interval</title>' report.html
@ grep -q '>before magnesium: mean 3.0<' report.html && grep -q '>on magnesium: mean 4.1<' report.html
@ grep -q 'text-anchor="end" fill="#555">min</text>' report.html
@ grep -q 'mean of 7 nights centred on each night, drawn where at least 4 of them are recorded' report.html
$ mgtrack --profile '<b>&amp' report
? 64
e~ --html FILE
$ mgtrack --profile '<b>&amp' report --html /nonexistent/dir/r.html
? 74
# The trial report, CENT-style.
$ mgtrack init --age 40 --sex female
$ mgtrack trial report --html t.html
? 66
$ mgtrack trial design --outcome quality --blocks 4 --period-days 7 --baseline-days 0 --seed 42 --start 2026-09-01
$ mgtrack import diary "$FIXTURES/trial/diary.csv"
$ mgtrack trial report --html t.html
> trial report written to t.html
@ grep -q '<h2>Design</h2>' t.html && grep -q '<h2>Periods</h2>' t.html && grep -q '<h2>Adherence and data</h2>' t.html && grep -q '<h2>Results</h2>' t.html && grep -q '<h2>Limitations</h2>' t.html
@ grep -q 'design hash 5b932afa4688fc5d' t.html
@ grep -q 'p = 0.125' t.html
@ python3 "$ROOT/tests/tools/svg-check.py" t.html
