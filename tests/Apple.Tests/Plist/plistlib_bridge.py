"""Checks property lists against Python's plistlib, an independent implementation.

Usage: plistlib_bridge.py < cases.json > results.json

Standard input is a JSON array of cases, each
  {"expected": <the value in the tagged form of from_description>,
   "ours": {"xml": <base64 of our XML writer's output>, "bin": <base64 of our binary writer's output>}}
Standard output is a JSON array with, for each case,
  {"problems": [<how plistlib disagrees, if it does>],
   "outputs": {"py.xml", "py.bin": the expected value dumped by plistlib,
               "rt-SRC.DST": plistlib.loads(ours SRC) dumped again as DST; all base64}}
One process handles a whole batch because starting Python per case is slow.
"""

import base64
import datetime
import json
import math
import plistlib
import struct
import sys
import traceback

UNIX_EPOCH = datetime.datetime(1970, 1, 1)
FORMATS = {"xml": plistlib.FMT_XML, "bin": plistlib.FMT_BINARY}


def from_description(node):
    kind, value = node["t"], node.get("v")
    if kind == "dict":
        return {key: from_description(item) for key, item in value}
    if kind == "array":
        return [from_description(item) for item in value]
    if kind == "string":
        return value
    if kind == "int":
        return int(value)
    if kind == "real":
        return struct.unpack(">d", bytes.fromhex(value))[0]
    if kind == "bool":
        return value
    if kind == "date":
        return UNIX_EPOCH + datetime.timedelta(seconds=value)
    if kind == "data":
        return base64.b64decode(value)
    raise ValueError(f"unknown tag {kind}")


def difference(actual, expected, path="$"):
    """Describes the first difference, comparing types strictly (True is not 1, 1 is not 1.0)."""
    if type(actual) is not type(expected):
        return f"{path}: {type(actual).__name__} {actual!r} instead of {type(expected).__name__} {expected!r}"
    if isinstance(expected, dict):
        if actual.keys() != expected.keys():
            return f"{path}: keys {sorted(actual)} instead of {sorted(expected)}"
        for key in expected:
            found = difference(actual[key], expected[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(expected, list):
        if len(actual) != len(expected):
            return f"{path}: {len(actual)} items instead of {len(expected)}"
        for index, (a, e) in enumerate(zip(actual, expected)):
            found = difference(a, e, f"{path}[{index}]")
            if found:
                return found
        return None
    if isinstance(expected, float):
        same = (math.isnan(actual) and math.isnan(expected)) or struct.pack(">d", actual) == struct.pack(">d", expected)
        return None if same else f"{path}: {actual!r} instead of {expected!r}"
    return None if actual == expected else f"{path}: {actual!r} instead of {expected!r}"


def check_case(case):
    problems, outputs = [], {}
    expected = from_description(case["expected"])
    for fmt, code in FORMATS.items():
        outputs[f"py.{fmt}"] = plistlib.dumps(expected, fmt=code)
    for source in FORMATS:
        try:
            loaded = plistlib.loads(base64.b64decode(case["ours"][source]))
        except Exception:
            problems.append(f"plistlib cannot read ours.{source}: {traceback.format_exc(limit=1)}")
            continue
        found = difference(loaded, expected)
        if found:
            problems.append(f"plistlib reads ours.{source} differently: {found}")
        for target, code in FORMATS.items():
            outputs[f"rt-{source}.{target}"] = plistlib.dumps(loaded, fmt=code)
    encoded = {name: base64.b64encode(data).decode("ascii") for name, data in outputs.items()}
    return {"problems": problems, "outputs": encoded}


def main():
    cases = json.load(sys.stdin)
    json.dump([check_case(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
