#!/usr/bin/env python3
"""Runs the documented example commands of one Markdown page against the built autogen.

Usage: doc_examples.py AUTOGEN PAGE.md

Every ```console block of the page is run, in the page's order, in ONE temp project
copied from tests/docs/fixture/ (a SQLite project with a "users" model), so a block can
rely on the state the blocks above it left (a revision written, a database upgraded).
In a block:
  - a line `$ autogen ARGS` is run by bash in the project (redirections work; the text
    after a `#` that follows two spaces is a comment); the lines below it, up to the next
    `$ ` line, are its expected output (stdout and stderr together):
      each expected line must match some line of the output, after revision ids
      (12 hex digits), file dates (20261121_1530) and counts in "N file(s)" are turned
      into patterns; "..." alone skips, a line ending in "..." matches its start; an id
      the page shows stands for the id the run made there, in the commands below it too
      (`autogen downgrade 3f2a` uses the run's prefix); a path under migrations/, models/
      or db/ may be printed absolute;
  - the exit code must be 0, unless an expected line is an error ("error: ..." or
    "PATH: error: ...", then not 0)
    or the next line is `$ echo $?` followed by the code;
  - other `$` lines (an editor, git, psql) only illustrate and are not run.
An HTML comment right above a block steers it:
  <!-- doc-test: skip (reason) -->     the block is not run (keep these few)
  <!-- doc-test: run SHELL -->         SHELL runs in the project first (e.g. to copy a
                                       model from $MODELS, tests/docs/models/); several allowed
Exit 0 when every block passes; else the page, block, command, what was expected and
what was printed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def blocks(text):
    """(line number, directives, lines) of each console block."""
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```console":
            directives = []
            j = i - 1
            while j >= 0 and (lines[j].strip().startswith("<!-- doc-test:") or not lines[j].strip()):
                m = re.match(r"\s*<!-- doc-test:\s*(.*?)\s*-->\s*$", lines[j])
                if m:
                    directives.insert(0, m.group(1))
                j -= 1
                if j >= 0 and not lines[j].strip():
                    break
            indent = len(lines[i]) - len(lines[i].lstrip())
            k = i + 1
            body = []
            while k < len(lines) and lines[k].strip() != "```":
                body.append(lines[k][indent:] if lines[k][:indent].strip() == "" else lines[k])
                k += 1
            out.append((i + 1, directives, body))
            i = k
        i += 1
    return out


def pattern(expected):
    """The regex an expected output line stands for."""
    expected = expected.strip()
    prefix = expected.endswith("...")
    if prefix:
        expected = expected[:-3].rstrip()
    rx = re.escape(expected)
    rx = re.sub(r"\d{8}_\d{4}", r"\\d{8}_\\d{4}", rx)
    rx = re.sub(r"[0-9a-f]{12}", "([0-9a-f]{12})", rx)
    rx = re.sub(r"\d+(\\ (?:revision\\ )?file\\\(s\\\))", r"\\d+\1", rx)
    # A path the page writes relative to the project may be printed absolute.
    rx = re.sub(r"^(migrations|models|db)/", r"(?:\\S*/)?\1/", rx)
    return re.compile(r"^\s*" + rx + ("" if prefix else r"\s*$"))


def actual_ids(cmd, ids):
    """`cmd` with each id or id prefix (4+ hex digits) the page showed replaced by the
    run's own (the page's ids are random ones it wrote down)."""
    def swap(m):
        for doc_id, real in ids.items():
            if doc_id.startswith(m.group(0)):
                return real[: len(m.group(0))]
        return m.group(0)
    return re.sub(r"\b[0-9a-f]{4,12}\b", swap, cmd)


def commands(body):
    """(command line, expected lines, expected code or None) of a block."""
    out = []
    for line in body:
        if line.startswith("$ "):
            out.append([line[2:], [], None])
        elif out:
            out[-1][1].append(line)
    merged = []
    for cmd, expected, code in out:
        if cmd.strip() == "echo $?" and merged:
            merged[-1][2] = int(expected[0]) if expected else 0
            continue
        merged.append([cmd, expected, code])
    return merged


def main():
    autogen, page = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="autogen-doc-")
    failures = []
    try:
        project = os.path.join(work, "project")
        shutil.copytree(os.path.join(HERE, "fixture"), project)
        bindir = os.path.join(work, "bin")
        os.mkdir(bindir)
        os.symlink(autogen, os.path.join(bindir, "autogen"))
        env = dict(os.environ)
        env.update({"PATH": bindir + os.pathsep + env.get("PATH", ""), "AUTOGEN_NOW": "2026-11-21T15:30:00Z",
                    "CI": "true", "MODELS": os.path.join(HERE, "models"), "NO_COLOR": "1"})
        env.pop("DATABASE_URL", None)
        ids = {}  # a revision id the page shows -> the id this run made in its place
        for number, directives, body in blocks(open(page, encoding="utf-8").read()):
            where = f"{page}:{number}"
            if any(d.startswith("skip") for d in directives):
                print(f"{where}: skipped: {directives}")
                continue
            for d in directives:
                if d.startswith("run "):
                    r = subprocess.run(["bash", "-c", d[4:]], cwd=project, env=env, capture_output=True, text=True)
                    if r.returncode != 0:
                        failures.append(f"{where}: setup '{d[4:]}' failed: {r.stderr}")
            for cmd, expected, code in commands(body):
                if not cmd.startswith("autogen"):
                    continue
                cmd = re.sub(r"\s{2,}#.*$", "", cmd)
                cmd = actual_ids(cmd, ids)
                r = subprocess.run(["bash", "-c", cmd], cwd=project, env=env, capture_output=True, text=True)
                output = (r.stdout + r.stderr).split("\n")
                want_error = any(re.match(r"(\S+: )?error:", e) for e in expected)
                code_ok = (r.returncode == code) if code is not None else ((r.returncode != 0) == want_error)
                problems = []
                if not code_ok:
                    problems.append(f"exit code {r.returncode}, expected " +
                                    (str(code) if code is not None else "non-zero" if want_error else "0"))
                for e in expected:
                    if e.strip() in ("", "..."):
                        continue
                    rx = pattern(e)
                    found = next((m for m in (rx.search(line) for line in output) if m), None)
                    if not found:
                        problems.append(f"no output line like: {e}")
                        continue
                    # The page's revision ids stand for the ones this run made.
                    for doc_id, real in zip(re.findall(r"[0-9a-f]{12}", e), found.groups()):
                        ids.setdefault(doc_id, real)
                print(f"{where}: $ {cmd}: {'ok' if not problems else 'FAILED'}")
                if problems:
                    failures.append(f"{where}: $ {cmd}\n  " + "\n  ".join(problems) + "\n  printed:\n    " +
                                    "\n    ".join(output))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
