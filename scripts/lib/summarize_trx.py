"""Prints one summary line per test project and a total, from the TRX files `dotnet test` wrote."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(results_dir: str, elapsed_seconds: str) -> None:
    totals = {"total": 0, "passed": 0, "failed": 0, "notExecuted": 0}
    failures = []
    print("==> summary")
    for path in sorted(glob.glob(f"{results_dir}/**/*.trx", recursive=True)):
        root = ET.parse(path).getroot()
        counters = root.find("t:ResultSummary/t:Counters", NS)
        if counters is None:
            continue
        storage = root.find("t:TestDefinitions/t:UnitTest", NS)
        name = storage.get("storage", path).rsplit("/", 1)[-1] if storage is not None else path.rsplit("/", 1)[-1]
        outcome = root.find("t:ResultSummary", NS).get("outcome", "")
        counts = {key: int(counters.get(key, 0)) for key in totals}
        for key in totals:
            totals[key] += counts[key]
        # A run that failed without a failing test did not run at all (a crash or a missing dependency).
        note = "  RUN FAILED" if outcome not in ("Completed", "Passed") and counts["failed"] == 0 else ""
        if note:
            failures.append(f"{name}: the test run failed before or outside any test; see the output above")
        print(f"    {name:<40} {counts['passed']:>5} passed {counts['failed']:>4} failed {counts['notExecuted']:>4} skipped{note}")
        for result in root.iterfind("t:Results/t:UnitTestResult", NS):
            if result.get("outcome") == "Failed":
                failures.append(result.get("testName"))
    print(f"    {'TOTAL':<40} {totals['passed']:>5} passed {totals['failed']:>4} failed {totals['notExecuted']:>4} skipped"
          f"  ({elapsed_seconds} s)")
    for name in failures:
        print(f"    FAILED: {name}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
