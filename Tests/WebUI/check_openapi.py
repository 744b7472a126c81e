#!/usr/bin/env python3
"""Checks the administrator API's OpenAPI document against the code.

1. Validates `Sources/WebUI/Assets/openapi.json` as OpenAPI 3.1 (openapi-spec-validator).
2. Extracts every `api.get("…")` / `api.post("…")` route from `Sources/WebUI/Routes/WebSite+API.swift`
   (paths relative to `/api/v1`) and checks that the (method, path) pairs of the document's `/api/v1` paths are
   exactly those.

Usage: python3 Tests/WebUI/check_openapi.py [--document PATH] [--routes PATH]
Needs: pip install openapi-spec-validator. Exits 0 when everything matches, 1 otherwise.
"""

import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PREFIX = "/api/v1"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
ROUTE = re.compile(r'\bapi\.(get|post|put|delete|patch|head)\(\s*"([^"]*)"')


def validate(document):
    try:
        from openapi_spec_validator import validate as validate_spec
    except ImportError:  # openapi-spec-validator < 0.7
        from openapi_spec_validator import validate_spec
    try:
        validate_spec(document)
    except Exception as error:  # the validator's exception types differ between versions
        print(f"invalid OpenAPI document: {error}")
        return False
    return True


def code_routes(swift_text):
    return {(method, PREFIX + path) for method, path in ROUTE.findall(swift_text)}


def document_routes(document):
    routes = set()
    for path, item in document.get("paths", {}).items():
        if path == PREFIX or path.startswith(PREFIX + "/"):
            routes |= {(method, path) for method in item if method in METHODS}
    return routes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--document", type=pathlib.Path, default=ROOT / "Sources/WebUI/Assets/openapi.json")
    parser.add_argument("--routes", type=pathlib.Path, default=ROOT / "Sources/WebUI/Routes/WebSite+API.swift")
    arguments = parser.parse_args()

    document = json.loads(arguments.document.read_text(encoding="utf-8"))
    ok = validate(document)
    if ok:
        print(f"{arguments.document}: valid OpenAPI {document.get('openapi')}")

    in_code = code_routes(arguments.routes.read_text(encoding="utf-8"))
    if not in_code:
        print(f"no api.get/api.post routes found in {arguments.routes}")
        return 1
    in_document = document_routes(document)
    for method, path in sorted(in_code - in_document, key=lambda r: (r[1], r[0])):
        print(f"in the code, not documented: {method.upper()} {path}")
        ok = False
    for method, path in sorted(in_document - in_code, key=lambda r: (r[1], r[0])):
        print(f"documented, not in the code: {method.upper()} {path}")
        ok = False
    if ok:
        print(f"{len(in_code)} /api/v1 operations: the document and the code agree")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
