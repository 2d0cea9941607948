#!/usr/bin/python3
# tests/jinja/check_oracle.py [CASES_DIR] -> re-renders every conformance case with
# python3-jinja2 and compares with the committed .expected (or checks that an .error
# case still fails), so the expectations cannot drift from real Jinja.
# Exit 0: all agree; 1: a mismatch; 77: jinja2 is not installed (ctest: skipped).
import os
import sys

try:
    import jinja2  # noqa: F401
except ImportError:
    print("python3-jinja2 is not installed; skipping")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402


def main():
    cases_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
    names = sorted(f[:-3] for f in os.listdir(cases_dir) if f.endswith(".j2"))
    failures = 0
    for name in names:
        expected_path = os.path.join(cases_dir, name + ".expected")
        error_path = os.path.join(cases_dir, name + ".error")
        try:
            got = oracle.render(cases_dir, name).encode("utf-8")
            err = None
        except Exception as e:
            got, err = None, f"{type(e).__name__}: {e}"
        if os.path.exists(error_path):
            if err is None:
                print(f"{name}: expected an error, jinja2 rendered {got!r}")
                failures += 1
        elif os.path.exists(expected_path):
            with open(expected_path, "rb") as f:
                want = f.read()
            if err is not None:
                print(f"{name}: jinja2 failed: {err}")
                failures += 1
            elif got != want:
                print(f"{name}: jinja2 renders {got!r}, .expected holds {want!r}")
                failures += 1
        else:
            print(f"{name}: neither .expected nor .error")
            failures += 1
    print(f"{len(names)} cases, {failures} disagree with jinja2 {jinja2.__version__}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
