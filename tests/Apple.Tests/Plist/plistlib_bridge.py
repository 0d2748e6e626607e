"""Checks property lists against Python's plistlib, an independent implementation.

Usage: plistlib_bridge.py DIRECTORY

For every case N in DIRECTORY the test has written:
  N.json      the expected value, described in a tagged JSON form (see from_description)
  N.ours.xml  the value as our XML writer wrote it
  N.ours.bin  the value as our binary writer wrote it
This script writes:
  N.report              problems found (empty when plistlib agrees)
  N.py.xml, N.py.bin    the expected value dumped by plistlib, for our reader
  N.rt-SRC.DST          plistlib.loads(N.ours.SRC) dumped again as DST, for our reader
"""

import base64
import datetime
import json
import math
import pathlib
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


def check_case(directory, name):
    problems = []
    expected = from_description(json.loads((directory / f"{name}.json").read_text(encoding="utf-8")))
    for fmt, code in FORMATS.items():
        (directory / f"{name}.py.{fmt}").write_bytes(plistlib.dumps(expected, fmt=code))
    for source in FORMATS:
        try:
            loaded = plistlib.loads((directory / f"{name}.ours.{source}").read_bytes())
        except Exception:
            problems.append(f"plistlib cannot read ours.{source}: {traceback.format_exc(limit=1)}")
            continue
        found = difference(loaded, expected)
        if found:
            problems.append(f"plistlib reads ours.{source} differently: {found}")
        for target, code in FORMATS.items():
            (directory / f"{name}.rt-{source}.{target}").write_bytes(plistlib.dumps(loaded, fmt=code))
    (directory / f"{name}.report").write_text("\n".join(problems), encoding="utf-8")


def main():
    directory = pathlib.Path(sys.argv[1])
    for description in sorted(directory.glob("*.json")):
        check_case(directory, description.name[: -len(".json")])


if __name__ == "__main__":
    main()
