#!/usr/bin/python3
# tests/jinja/oracle.py CASES_DIR NAME -> renders conformance case NAME with python3-jinja2.
#
# A case is CASES_DIR/NAME.j2 (the template) and CASES_DIR/NAME.json (the context). Two
# keys of the JSON are not context: "__options__" (trim_blocks, lstrip_blocks,
# keep_trailing_newline, strict_undefined: the C++ Options) and "__templates__" (name ->
# source of extra templates to include, import or extend). The rendered text goes to
# stdout as UTF-8; a Jinja error goes to stderr with exit status 1.
# Run with /usr/bin/python3: Debian's python3-jinja2 is the reference, not a pyenv's.
import json
import sys

import jinja2


def load_case(cases_dir, name):
    with open(f"{cases_dir}/{name}.j2", encoding="utf-8", newline="") as f:
        source = f.read()
    with open(f"{cases_dir}/{name}.json", encoding="utf-8") as f:
        context = json.load(f)
    options = context.pop("__options__", {})
    templates = context.pop("__templates__", {})
    return source, context, options, templates


def render(cases_dir, name):
    source, context, options, templates = load_case(cases_dir, name)
    templates = dict(templates)
    templates[f"{name}.j2"] = source
    env = jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        undefined=jinja2.StrictUndefined if options.get("strict_undefined") else jinja2.Undefined,
        autoescape=False,
        trim_blocks=bool(options.get("trim_blocks")),
        lstrip_blocks=bool(options.get("lstrip_blocks")),
        keep_trailing_newline=bool(options.get("keep_trailing_newline")),
    )
    return env.get_template(f"{name}.j2").render(**context)


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: oracle.py CASES_DIR NAME\n")
        return 2
    try:
        text = render(sys.argv[1], sys.argv[2])
    except Exception as e:  # any Jinja failure is the expected outcome of an error case
        sys.stderr.write(f"{type(e).__name__}: {e}\n")
        return 1
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
