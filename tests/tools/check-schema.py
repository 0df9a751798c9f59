#!/usr/bin/env python3
"""Checks a JSON document against a JSON Schema (draft 2020-12) with
python3-jsonschema: the CLI tests run it on what `mgtrack export --json`
writes, against docs/export.schema.json. Usage: check-schema.py SCHEMA FILE"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
doc = json.load(open(sys.argv[2], encoding="utf-8"))
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:10]:
    print("%s: %s" % ("/".join(str(p) for p in e.path) or "(document)", e.message), file=sys.stderr)
sys.exit(1 if errors else 0)
