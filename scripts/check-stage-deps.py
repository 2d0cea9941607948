#!/usr/bin/env python3
"""check-stage-deps.py [ROOT] - the stage dependency map of docs/architecture.md, enforced.

Every stage (lib/<stage>) may include headers of the stages listed for it below and of
nothing else: no arrow from a lower stage to a higher one, no cycle. Each `#include
"<stage>/..."` of a stage's non-test sources (*_test.cpp may reach further: a test can
drive its stage together with those below it) is checked against the table, and so is
the table itself (acyclic, every stage listed). CMake's DEPS lines link the same edges
(CMakeLists.txt). A new edge is a design decision: add it here and to the diagram of
docs/architecture.md in the same change.

Exit 0: the includes follow the map. Exit 1: each violation as file:line with a hint.
"""
import pathlib
import re
import sys

# stage -> the stages it may include directly (docs/architecture.md, "Dependency map").
ALLOWED = {
    "support": set(),
    "schema": {"support"},
    "db": {"support"},
    "jinja": {"support"},
    "scan": {"schema", "support"},
    "diff": {"schema", "support"},
    "codegen": {"schema", "support"},
    "introspect": {"codegen", "db", "schema", "support"},
    "migrate": {"codegen", "db", "jinja", "schema", "support"},
    "lint": {"migrate", "support"},
    "dialect": {"codegen", "db", "diff", "introspect", "lint", "schema", "support"},
    "runtime": {"db", "migrate", "support"},
    "pipeline": {"codegen", "db", "dialect", "diff", "introspect", "migrate", "scan", "schema", "support"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')


def acyclic(graph):
    """True when the graph of ALLOWED has no cycle (depth-first search)."""
    state = {}

    def visit(node):
        if state.get(node) == "open":
            return False
        if state.get(node) == "done":
            return True
        state[node] = "open"
        ok = all(visit(n) for n in graph.get(node, ()))
        state[node] = "done"
        return ok

    return all(visit(n) for n in graph)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    problems = []
    if not acyclic(ALLOWED):
        problems.append("scripts/check-stage-deps.py: the ALLOWED table has a cycle")
    stages = sorted(p.name for p in (root / "lib").iterdir() if p.is_dir())
    for stage in stages:
        if stage not in ALLOWED:
            problems.append(f"lib/{stage}: a stage the map does not list; hint: add it to ALLOWED in "
                            "scripts/check-stage-deps.py and to docs/architecture.md")
            continue
        for path in sorted((root / "lib" / stage).rglob("*")):
            if path.suffix not in (".cpp", ".hpp", ".h") or path.name.endswith("_test.cpp"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                target = match.group(1)
                if target == stage or target not in ALLOWED or target in ALLOWED[stage]:
                    continue
                problems.append(f"{path.relative_to(root)}:{number}: lib/{stage} includes lib/{target}, which "
                                f"the dependency map does not allow ({stage} -> {', '.join(sorted(ALLOWED[stage])) or 'nothing'}); "
                                "hint: move the code to the stage that may see both, or ask through a seam "
                                "(the Dialect, DiffRules, Planner ...)")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"check-stage-deps: {len(problems)} include(s) against the stage map", file=sys.stderr)
        return 1
    print(f"check-stage-deps: {len(stages)} stages follow the dependency map")
    return 0


if __name__ == "__main__":
    sys.exit(main())
