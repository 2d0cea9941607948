#!/usr/bin/python3
# tests/jinja/make_cases.py -> (re)writes tests/jinja/cases/ from the table below and
# renders each case with python3-jinja2 (oracle.py) into <name>.expected, or
# <name>.error for cases that must fail. Adding a case = adding one case(...) line and
# running `/usr/bin/python3 tests/jinja/make_cases.py`; commit the files it writes.
#
# case(name, template, context, options=..., templates=..., error=...):
#   options   -> "__options__" (trim_blocks, lstrip_blocks, keep_trailing_newline, strict_undefined)
#   templates -> "__templates__" (extra templates by name, for include/import/extends)
#   error     -> True when both engines must refuse the template
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402

CASES = []


def case(name, template, context=None, options=None, templates=None, error=False):
    CASES.append((name, template, context or {}, options or {}, templates or {}, error))


TRIM = {"trim_blocks": True}
LSTRIP = {"lstrip_blocks": True}
BOTH = {"trim_blocks": True, "lstrip_blocks": True}
KEEP = {"keep_trailing_newline": True}
STRICT = {"strict_undefined": True}

# --- output and literals --------------------------------------------------------------
case("text_only", "plain text\nsecond line\n")
case("text_crlf", "a\r\nb\rc\n", options=KEEP)
case("print_var", "Hello {{ name }}!", {"name": "world"})
case("print_int", "{{ 42 }} {{ -7 }} {{ 0 }} {{ 1_000 }} {{ 0x1F }} {{ 0o17 }} {{ 0b101 }}")
case("print_float", "{{ 1.5 }} {{ 2.0 }} {{ 0.1 }} {{ 1e3 }} {{ 1.5e-7 }} {{ 1e16 }} {{ 123456789.125 }}")
case("print_float_ctx", "{{ a }} {{ b }} {{ c }} {{ d }}", {"a": 3.0, "b": 0.30000000000000004, "c": 1e100, "d": -0.5})
case("print_bool_none", "{{ true }} {{ True }} {{ false }} {{ False }} {{ none }} {{ None }}")
case("print_bool_ctx", "{{ t }} {{ f }} {{ n }}", {"t": True, "f": False, "n": None})
case("print_list", "{{ [1, 'a', none, true, 2.5, [\"x\"]] }}")
case("print_list_ctx", "{{ items }}", {"items": ["a", "b's", 'q"', "both'\"", "new\nline", "tab\t", "back\\slash"]})
case("print_dict", "{{ {'a': 1, 'b': [1, 2], 'c': {'d': none}} }}")
case("print_dict_ctx", "{{ d }}", {"d": {"name": "users", "n": 3, "ok": True}})
case("print_empty", "[{{ [] }}] [{{ {} }}] [{{ '' }}]")
case("print_tuple", "{{ (1, 2) }} {{ (1,) }} {{ () }}")
case("print_unicode", "{{ s }} {{ [s] }} {{ s|length }} {{ s|upper }}", {"s": "héllo wörld ✓"})
case("string_escapes", "{{ 'a\\nb' }}|{{ \"tab\\there\" }}|{{ 'q\\'s' }}|{{ 'uni\\u00e9' }}|{{ 'x\\x41' }}")
case("string_concat_adjacent", "{{ 'abc' \"def\" 'g' }}")
case("string_with_braces", "{{ '{{ not a tag }}' }} {{ '%}' }}")
case("dict_literal_in_tag", "{{ {'a': {'b': 1}} }}")
case("comment", "a{# a comment #}b{# multi\nline #}c")
case("comment_with_tags", "x{# {{ y }} {% if %} #}z")
case("raw_block", "{% raw %}{{ not rendered }} {% if x %}{% endraw %}!")
case("raw_block_strip", "a  {%- raw -%}  {{ x }}  {%- endraw -%}  b")

# --- whitespace control ---------------------------------------------------------------
case("trailing_newline_eaten", "line\n")
case("trailing_newline_one_only", "line\n\n")
case("trailing_newline_kept", "line\n", options=KEEP)
case("trailing_newline_kept_two", "line\n\n", options=KEEP)
case("ws_minus_both", "a  \n  {{- x -}}  \n  b", {"x": "X"})
case("ws_minus_block", "<ul>\n  {%- for i in [1, 2] %}\n  <li>{{ i }}</li>\n  {%- endfor %}\n</ul>\n")
case("ws_minus_comment", "a   {#- c -#}   b")
case("ws_default_block_lines", "{% if true %}\nyes\n{% endif %}\nend\n")
case("trim_blocks", "{% if true %}\nyes\n{% endif %}\nend\n", options=TRIM)
case("trim_blocks_comment", "{# c #}\nafter\n", options=TRIM)
case("trim_blocks_var_not_trimmed", "{{ 'v' }}\nafter\n", options=TRIM)
case("lstrip_blocks", "  {% if true %}\n  yes\n  {% endif %}\n", options=LSTRIP)
case("lstrip_and_trim", "<div>\n    {% for i in [1, 2] %}\n    <p>{{ i }}</p>\n    {% endfor %}\n</div>\n", options=BOTH)
case("lstrip_not_after_text", "x {% if true %}y{% endif %}\n", options=LSTRIP)
case("lstrip_plus_disables", "  {%+ if true %}y{% endif %}\n", options=LSTRIP)
case("lstrip_start_of_template", "   {% if true %}y{% endif %}", options=LSTRIP)
case("lstrip_comment", "  {# c #}\nz", options=LSTRIP)
case("lstrip_var_untouched", "  {{ 'v' }}\n", options=LSTRIP)
case("trim_plus_disables", "{% if true +%}\nkept newline{% endif %}", options=TRIM)
case("trim_then_lstrip_line_start", "{% if true %}\n  {% if true %}\nin\n  {% endif %}\n{% endif %}\n", options=BOTH)
case("minus_with_trim", "{% for i in [1,2,3] -%}\n{{ i }}\n{%- endfor %}\n", options=TRIM)
case("whitespace_tabs", "\t{%- if true -%}\t\n\tx\n{%- endif %}")

# --- expressions ----------------------------------------------------------------------
case("attr_and_item", "{{ u.name }} {{ u['name'] }} {{ u.tags[0] }} {{ u.tags[-1] }} {{ u.tags.1 }}",
     {"u": {"name": "ann", "tags": ["a", "b"]}})
case("nested_attr", "{{ a.b.c.d }}", {"a": {"b": {"c": {"d": "deep"}}}})
case("item_by_var", "{{ d[k] }}", {"d": {"x": 1}, "k": "x"})
case("concat_tilde", "{{ 'a' ~ 1 ~ none ~ true ~ [1] }}")
case("arith_int", "{{ 1 + 2 }} {{ 7 - 10 }} {{ 3 * 4 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2 ** 10 }}")
case("arith_div_float", "{{ 7 / 2 }} {{ 6 / 3 }} {{ 1 / 3 }} {{ 7.5 // 2 }} {{ 7.5 % 2 }}")
case("arith_mixed", "{{ 1 + 2.5 }} {{ 2 * 1.5 }} {{ true + 1 }} {{ 0.1 + 0.2 }}")
case("arith_precedence", "{{ 2 + 3 * 4 }} {{ (2 + 3) * 4 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} {{ 10 - 2 - 3 }}")
case("string_ops", "{{ 'ab' + 'cd' }} {{ 'ab' * 3 }} {{ [1] + [2] }} {{ [0] * 3 }}")
case("compare_ops", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ 'a' != 'b' }} {{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }}")
case("compare_lists", "{{ [1, 2] == [1, 2] }} {{ [1, 2] < [1, 3] }} {{ {'a': 1} == {'a': 1} }}")
case("in_not_in", "{{ 1 in [1, 2] }} {{ 'x' not in 'abc' }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }} {{ 3 not in [1] }}")
case("and_or_not", "{{ true and false }} {{ true or false }} {{ not true }} {{ not 0 }} {{ 0 or 'x' }} {{ 'a' and 'b' }} {{ '' and 'b' }}")
case("inline_if", "{{ 'yes' if flag else 'no' }} {{ 'y' if not flag else 'n' }} [{{ 'only' if false }}]", {"flag": True})
case("inline_if_nested", "{{ 'a' if x == 1 else 'b' if x == 2 else 'c' }}", {"x": 2})
case("unary_minus_filter", "{{ -3|abs }} {{ -(3) }} {{ +4 }}")
case("truthiness", "{% for v in [0, 1, '', 'a', [], [0], {}, none, 0.0] %}{{ 'T' if v else 'F' }}{% endfor %}")
case("slice", "{{ s[1:3] }} {{ s[::-1] }} {{ l[1:] }} {{ l[:-1] }} {{ l[::2] }}", {"s": "abcdef", "l": [1, 2, 3, 4]})
case("method_calls", "{{ s.upper() }} {{ s.startswith('He') }} {{ s.endswith('x') }} {{ s.split(',') }} {{ s.replace('l', 'L') }} {{ '  p  '.strip() }}",
     {"s": "Hello,world"})
case("method_split_ws", "{{ '  a  b c '.split() }} {{ 'a,b,c'.split(',', 1) }} {{ 'x'.lower() }} {{ 'ab'.count('a') }}")
case("dict_methods", "{% for k in d.keys() %}{{ k }}{% endfor %} {% for v in d.values() %}{{ v }}{% endfor %} {{ d.get('a') }} {{ d.get('z', 'dflt') }} {{ d.get('z') }}",
     {"d": {"a": 1, "b": 2}})
case("dict_items_key_shadow", "{{ d['items'] }} {% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}",
     {"d": {"items": "shadowed", "x": 1}})
case("list_literal_trailing_comma", "{{ [1, 2,] }} {{ {'a': 1,} }}")

# --- undefined -------------------------------------------------------------------------
case("undefined_prints_empty", "[{{ missing }}] [{{ d.missing }}] [{{ l[5] }}]", {"d": {}, "l": []})
case("undefined_is_falsy", "{% if missing %}yes{% else %}no{% endif %}")
case("undefined_iterates_empty", "{% for x in missing %}x{% else %}empty{% endfor %}")
case("undefined_tests", "{{ missing is defined }} {{ missing is undefined }} {{ x is defined }} {{ x is not defined }} {{ d.k is defined }}",
     {"x": 1, "d": {}})
case("undefined_default", "{{ missing|default('dflt') }} {{ none|default('n') }} {{ none|default('n', true) }} {{ ''|d('e', true) }} {{ 0|default(5) }}")
case("undefined_length", "{{ missing|length }} {{ missing|join(',') }} {{ missing|upper }}")
case("undefined_attr_error", "{{ missing.attr }}", error=True)
case("undefined_concat", "[{{ missing ~ 'x' }}]")
case("undefined_eq", "{{ missing == none }} {{ missing == missing2 }} {{ missing != 1 }}")
case("undefined_in_list_test", "{{ 1 in missing }}")
case("undefined_arith_error", "{{ missing + 1 }}", error=True)
case("strict_print_error", "{{ missing }}", options=STRICT, error=True)
case("strict_if_error", "{% if s.destructive %}x{% endif %}", {"s": {}}, options=STRICT, error=True)
case("strict_defined_ok", "{{ missing is defined }} {{ missing|default('d') }} {% if s.destructive is defined %}x{% endif %}ok",
     {"s": {}}, options=STRICT)
case("strict_for_error", "{% for x in missing %}{% endfor %}", options=STRICT, error=True)
case("strict_present_ok", "{{ a }} {{ b.c }}", {"a": 1, "b": {"c": [1]}}, options=STRICT)
case("strict_eq_error", "{{ missing == 1 }}", options=STRICT, error=True)
case("strict_length_error", "{{ missing|length }}", options=STRICT, error=True)
case("strict_join_error", "{{ missing|join(',') }}", options=STRICT, error=True)
case("none_attr_is_undefined", "[{{ n.x }}]", {"n": None})
case("int_attr_is_undefined", "[{{ n.x }}] [{{ s.nope }}]", {"n": 1, "s": "str"})

# --- if / for / set ---------------------------------------------------------------------
case("if_elif_else", "{% for x in [1, 2, 3] %}{% if x == 1 %}one{% elif x == 2 %}two{% else %}many{% endif %} {% endfor %}")
case("if_nested", "{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}", {"a": 1, "b": 0})
case("for_basic", "{% for x in items %}{{ x }},{% endfor %}", {"items": [1, 2, 3]})
case("for_else", "{% for x in [] %}{{ x }}{% else %}none{% endfor %}")
case("for_loop_vars", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %}")
case("for_loop_prev_next", "{% for x in [1, 2, 3] %}[{{ loop.previtem }}|{{ loop.nextitem }}]{% endfor %}")
case("for_loop_cycle", "{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}")
case("for_dict", "{% for k in d %}{{ k }}{% endfor %}", {"d": {"b": 1, "a": 2}})
case("for_items_unpack", "{% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}", {"d": {"x": 1, "y": [2]}})
case("for_unpack_lists", "{% for a, b in pairs %}{{ a }}-{{ b }} {% endfor %}", {"pairs": [[1, 2], ["x", "y"]]})
case("for_unpack_paren", "{% for (a, b) in [[1, 2]] %}{{ a }}{{ b }}{% endfor %}")
case("for_filter_if", "{% for x in range(10) if x is odd %}{{ x }}{{ ',' if not loop.last }}{% endfor %}")
case("for_nested_loop", "{% for a in [1, 2] %}{% for b in 'xy' %}{{ a }}{{ b }}{{ loop.index }} {% endfor %}{{ loop.index }}|{% endfor %}")
case("for_string", "{% for c in 'hé!' %}<{{ c }}>{% endfor %}")
case("for_scope_no_leak", "{% set x = 'outer' %}{% for i in [1] %}{% set x = 'inner' %}{{ x }}{% endfor %} {{ x }}")
case("for_loop_var_no_leak", "{% for i in [1, 2] %}{% endfor %}[{{ i }}]")
case("for_over_int_error", "{% for x in 5 %}{% endfor %}", error=True)
case("for_unpack_error", "{% for a, b in [[1, 2, 3]] %}{% endfor %}", error=True)
case("set_simple", "{% set x = 5 %}{% set y = x * 2 %}{{ x }} {{ y }}")
case("set_tuple", "{% set a, b = 1, 2 %}{{ a }} {{ b }}")
case("set_block", "{% set body %}Hello {{ name }}{% endset %}[{{ body }}]", {"name": "n"})
case("set_block_filter", "{% set body | upper | trim %}  shout  {% endset %}[{{ body }}]")
case("set_in_if_visible", "{% if true %}{% set x = 1 %}{% endif %}{{ x }}")
case("namespace_counter", "{% set ns = namespace(count=0, seen=[]) %}{% for i in range(4) %}{% set ns.count = ns.count + i %}{% endfor %}{{ ns.count }}")
case("namespace_flag", "{% set ns = namespace(found=false) %}{% for x in [1, 5, 3] %}{% if x > 4 %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}")
case("with_block", "{% with a = 1, b = 'x' %}{{ a }}{{ b }}{% endwith %}[{{ a }}]")
case("range_forms", "{{ range(3)|list }} {{ range(1, 4)|list }} {{ range(10, 0, -3)|list }} {{ range(0)|list }}")
case("dict_global", "{{ dict(a=1, b='x') }}")
case("filter_block", "{% filter upper %}hello {{ 'there' }}{% endfilter %}")

# --- macros, call, import, include ----------------------------------------------------
case("macro_basic", "{% macro greet(name, greeting='Hello') %}{{ greeting }}, {{ name }}!{% endmacro %}{{ greet('Ann') }} {{ greet('Bob', 'Hi') }} {{ greet(greeting='Yo', name='Cy') }}")
case("macro_default_uses_param", "{% macro m(a, b=a ~ '!') %}{{ a }}{{ b }}{% endmacro %}{{ m('x') }}")
case("macro_missing_arg", "{% macro m(a, b) %}[{{ a }}][{{ b }}]{% endmacro %}{{ m(1) }}")
case("macro_varargs_kwargs", "{% macro m(a) %}{{ a }}{{ varargs|join(',') }}{{ varargs|length }}{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }} {{ m(0) }}")
case("macro_too_many_args", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", error=True)
case("macro_whitespace", "{% macro row(c) -%}\n  | {{ c }} |\n{%- endmacro %}\n{{ row('a') }}\n{{ row('b') }}\n")
case("macro_recursive", "{% macro fact(n) %}{{ 1 if n <= 1 else n * fact(n - 1)|int }}{% endmacro %}{{ fact(5) }}")
case("macro_sees_globals", "{% macro m() %}{{ g }}{% endmacro %}{{ m() }}", {"g": "global"})
case("macro_call_block", "{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}{% call wrap('b') %}inner {{ 1 + 1 }}{% endcall %}")
case("macro_call_block_args", "{% macro each(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(x) each([1, 2]) %}[{{ x }}]{% endcall %}")
case("macro_returns_string", "{% macro m() %}42{% endmacro %}{{ m() ~ '!' }} {{ m()|length }}")
case("macro_infinite_recursion", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", error=True)
case("import_as", "{% import 'macros.j2' as m %}{{ m.hello('x') }} {{ m.value }}",
     templates={"macros.j2": "{% macro hello(n) %}hello {{ n }}{% endmacro %}{% set value = 7 %}ignored text"})
case("from_import", "{% from 'macros.j2' import hello, bye as ciao %}{{ hello('a') }} {{ ciao() }}",
     templates={"macros.j2": "{% macro hello(n) %}hi {{ n }}{% endmacro %}{% macro bye() %}bye{% endmacro %}"})
case("import_no_context", "{% import 'm.j2' as m %}[{{ m.show() }}]", {"secret": "S"},
     templates={"m.j2": "{% macro show() %}{{ secret }}{% endmacro %}"})
case("import_with_context", "{% import 'm.j2' as m with context %}[{{ m.show() }}]", {"secret": "S"},
     templates={"m.j2": "{% macro show() %}{{ secret }}{% endmacro %}"})
case("import_missing_name", "{% from 'm.j2' import nope %}{{ nope() }}",
     templates={"m.j2": "{% macro yes() %}{% endmacro %}"}, error=True)
case("import_macro_uses_module_var", "{% import 'm.j2' as m %}{{ m.show() }}",
     templates={"m.j2": "{% set prefix = 'P:' %}{% macro show() %}{{ prefix }}x{% endmacro %}"})
case("include_basic", "start {% include 'part.j2' %} end", {"who": "you"}, templates={"part.j2": "part for {{ who }}\n"})
case("include_sees_loop_var", "{% for i in [1, 2] %}{% include 'item.j2' %}{% endfor %}", templates={"item.j2": "<{{ i }}>"})
case("include_keeps_trailing_newline_rule", "[{% include 'p.j2' %}]", templates={"p.j2": "line\n"})
case("include_missing_error", "{% include 'nope.j2' %}", error=True)
case("include_ignore_missing", "a{% include 'nope.j2' ignore missing %}b")
case("include_list_first_found", "{% include ['nope.j2', 'yes.j2'] %}", templates={"yes.j2": "found"})
case("include_set_does_not_leak", "{% include 'p.j2' %}[{{ x }}]", templates={"p.j2": "{% set x = 1 %}"})
case("include_without_context", "[{% include 'p.j2' without context %}]", {"v": "V"}, templates={"p.j2": "{{ v }}"})
case("include_self_recursion", "{% include 'self_inc.j2' %}", templates={"self_inc.j2": "x{% include 'self_inc.j2' %}"}, error=True)

# --- inheritance ------------------------------------------------------------------------
BASE = "<head>{% block head %}default head{% endblock %}</head>\n<body>{% block body %}{% endblock %}</body>\n"
case("extends_basic", "{% extends 'base.j2' %}{% block body %}child body{% endblock %}", templates={"base.j2": BASE})
case("extends_super", "{% extends 'base.j2' %}{% block head %}[{{ super() }}] plus{% endblock %}", templates={"base.j2": BASE})
case("extends_text_outside_blocks_ignored", "{% extends 'base.j2' %}ignored text{% block body %}b{% endblock %}more ignored", templates={"base.j2": BASE})
case("extends_context_vars", "{% extends 'base.j2' %}{% block body %}{{ title }}{% endblock %}", {"title": "T"}, templates={"base.j2": BASE})
case("extends_multi_level", "{% extends 'mid.j2' %}{% block body %}leaf+{{ super() }}{% endblock %}",
     templates={"base.j2": BASE, "mid.j2": "{% extends 'base.j2' %}{% block body %}mid{% endblock %}{% block head %}mid head{% endblock %}"})
case("extends_top_set_visible", "{% extends 'base.j2' %}{% set title = 'from child' %}{% block body %}{{ title }}{% endblock %}", templates={"base.j2": BASE})
case("block_in_loop_scoped", "{% for i in [1, 2] %}{% block item scoped %}<{{ i }}>{% endblock %}{% endfor %}")
case("block_not_scoped_sees_no_loop_var", "{% for i in [1, 2] %}{% block item %}<{{ i }}>{% endblock %}{% endfor %}")
# The {% block %} that renders decides scoping, not the override that supplies the body;
# super() of a scoped block sees the same loop variables.
LOOP_BASE = "{% for i in [1, 2] %}{% block item scoped %}<{{ i }}>{% endblock %}{% endfor %}|{% for j in [3] %}{% block plain %}({{ j }}){% endblock %}{% endfor %}"
case("block_scoped_override_unscoped", "{% extends 'base.j2' %}{% block item %}[{{ i }}:{{ loop.index }}/{{ loop.length }}]{% endblock %}",
     templates={"base.j2": LOOP_BASE})
case("block_scoped_override_super", "{% extends 'base.j2' %}{% block item %}{{ i }}={{ super() }}{% endblock %}{% block plain scoped %}[{{ j }}]{% endblock %}",
     templates={"base.j2": LOOP_BASE})
case("block_scoped_override_strict", "{% extends 'base.j2' %}{% block item %}{{ super() }}{{ i * 10 }}{% endblock %}",
     templates={"base.j2": "{% for i in [1, 2] %}{% block item scoped %}<{{ i }}>{% endblock %}{% endfor %}"}, options=STRICT)
case("block_unscoped_override_scoped_strict_error", "{% extends 'base.j2' %}{% block plain scoped %}{{ j }}{% endblock %}",
     templates={"base.j2": LOOP_BASE}, options=STRICT, error=True)
case("block_standalone", "a{% block x %}b{% endblock x %}c")
case("extends_blocks_nested", "{% extends 'b.j2' %}{% block inner %}NEW{% endblock %}",
     templates={"b.j2": "{% block outer %}(o {% block inner %}i{% endblock %} o){% endblock %}"})
case("block_twice_error", "{% block a %}{% endblock %}{% block a %}{% endblock %}", error=True)
case("extends_missing_error", "{% extends 'nope.j2' %}", error=True)
case("extends_before_text", "before {% extends 'base.j2' %}{% block body %}b{% endblock %}", templates={"base.j2": BASE})
case("extends_with_macro_import", "{% extends 'base.j2' %}{% import 'm.j2' as m %}{% block body %}{{ m.x() }}{% endblock %}",
     templates={"base.j2": BASE, "m.j2": "{% macro x() %}X{% endmacro %}"})
case("self_block_super_chain", "{% extends 'base.j2' %}{% block head %}{{ super() }}/{{ super() }}{% endblock %}", templates={"base.j2": BASE})

# --- filters ------------------------------------------------------------------------------
case("f_join", "{{ [1, 2, 3]|join(', ') }} {{ ['a', 'b']|join }} {{ users|join('/', attribute='name') }}",
     {"users": [{"name": "a"}, {"name": "b"}]})
case("f_upper_lower", "{{ 'MiXed'|upper }} {{ 'MiXed'|lower }} {{ 42|upper }}")
case("f_trim", "[{{ '  x  '|trim }}] [{{ '--x--'|trim('-') }}] [{{ '\\n\\tx \\n'|trim }}]")
case("f_replace", "{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ 'abc'|replace('', '-') }}")
case("f_length", "{{ [1, 2]|length }} {{ 'héllo'|length }} {{ {'a': 1}|count }} {{ ''|length }}")
case("f_first_last", "{{ [1, 2, 3]|first }} {{ [1, 2, 3]|last }} {{ 'abc'|first }} [{{ []|first }}]")
case("f_indent", "{{ 'a\\nb\\n\\nc'|indent }}|{{ 'a\\nb'|indent(2, true) }}|{{ 'a\\n\\nb'|indent(2, blank=true) }}|{{ 'x\\ny'|indent('> ') }}")
case("f_indent_trailing_newline", "[{{ 'a\\nb\\n'|indent(4) }}]")
case("f_indent_first_kw", "{{ 'a\\nb'|indent(width=3, first=true) }}")
case("f_selectattr", "{{ cols|selectattr('nullable')|map(attribute='name')|join(',') }} {{ cols|rejectattr('nullable')|map(attribute='name')|join(',') }}",
     {"cols": [{"name": "a", "nullable": True}, {"name": "b", "nullable": False}, {"name": "c", "nullable": True}]})
case("f_selectattr_test", "{{ cols|selectattr('kind', 'equalto', 'int')|map(attribute='name')|list }} {{ cols|rejectattr('kind', '==', 'int')|map(attribute='name')|list }} {{ cols|selectattr('name', 'in', ['b', 'c'])|list|length }}",
     {"cols": [{"name": "a", "kind": "int"}, {"name": "b", "kind": "text"}, {"name": "c", "kind": "int"}]})
case("f_selectattr_defined", "{{ xs|selectattr('opt', 'defined')|list|length }} {{ xs|selectattr('opt', 'undefined')|list }}",
     {"xs": [{"opt": 1}, {"id": 2}]})
case("f_select_reject", "{{ [1, 2, 3, 4]|select('odd')|list }} {{ [1, 2, 3, 4]|reject('odd')|list }} {{ [0, 1, '', 'a']|select|list }} {{ [1, 5, 10]|select('gt', 4)|list }}")
case("f_map_attribute", "{{ users|map(attribute='name')|join(', ') }} {{ users|map(attribute='age', default=0)|list }} {{ users|map(attribute='tags.0')|list }}",
     {"users": [{"name": "a", "age": 3, "tags": ["x"]}, {"name": "b", "tags": ["y"]}]})
case("f_map_filter", "{{ ['a', 'b']|map('upper')|join }} {{ [' x ', 'y ']|map('trim')|list }} {{ ['a-b']|map('replace', '-', '_')|list }}")
case("f_sort", "{{ [3, 1, 2]|sort }} {{ [3, 1, 2]|sort(reverse=true) }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }}")
case("f_sort_attribute", "{{ users|sort(attribute='name')|map(attribute='name')|join(',') }} {{ users|sort(attribute='age,name')|map(attribute='name')|join(',') }}",
     {"users": [{"name": "cy", "age": 2}, {"name": "Al", "age": 3}, {"name": "bo", "age": 2}]})
case("f_sort_stable", "{{ xs|sort(attribute='k')|map(attribute='v')|join }}",
     {"xs": [{"k": 1, "v": "a"}, {"k": 0, "v": "b"}, {"k": 1, "v": "c"}, {"k": 0, "v": "d"}]})
case("f_list", "{{ 'abc'|list }} {{ {'a': 1, 'b': 2}|list }} {{ [1]|list }}")
case("f_string", "{{ 1|string ~ 2 }} {{ [1, 'a']|string }} {{ none|string }}")
case("f_int", "{{ '42'|int }} {{ '3.7'|int }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ 4.9|int }} {{ '0x1A'|int(0, 16) }} {{ true|int }} {{ ' 12 '|int }}")
case("f_float", "{{ '1.5'|float }} {{ 3|float }} {{ 'x'|float }} {{ 'x'|float(2.5) }}")
case("f_title_capitalize", "{{ 'hello world-wide (foo)'|title }} {{ \"it's a test\"|title }} {{ 'hELLO wORLD'|capitalize }}")
case("f_tojson", "{{ {'b': 1, 'a': [1.5, 'x', none, true]}|tojson }} {{ '<&>\\''|tojson }} {{ 'é'|tojson }}")
case("f_tojson_indent", "{{ {'b': {'c': [1, 2]}, 'a': []}|tojson(indent=2) }}")
case("f_reverse", "{{ 'abc'|reverse }} {{ [1, 2, 3]|reverse|list }}")
case("f_dictsort", "{% for k, v in d|dictsort %}{{ k }}{{ v }}{% endfor %} {% for p in d|dictsort(reverse=true) %}{{ p[0] }}{{ p[1] }}{% endfor %} {{ d|dictsort(by='value')|map('first')|join }} {{ d|dictsort(true)|map('last')|list }}",
     {"d": {"b": 1, "a": 3, "C": 2}})
case("f_dictsort_loop", "{% for k, v in d|dictsort %}{{ k }}:{{ v }} {% endfor %}", {"d": {"z": 1, "m": 2}})
case("f_sum", "{{ [1, 2, 3]|sum }} {{ xs|sum(attribute='n') }} {{ [1.5, 2]|sum }} {{ [1]|sum(start=10) }}", {"xs": [{"n": 2}, {"n": 5}]})
case("f_min_max", "{{ [3, 1, 2]|min }} {{ [3, 1, 2]|max }} {{ ['b', 'A']|min }} {{ xs|max(attribute='n') }} [{{ []|max }}]", {"xs": [{"n": 2}, {"n": 5}]})
case("f_format", "{{ '%s-%s'|format('a', 1) }} {{ '%d items'|format(3) }} {{ '%.2f'|format(3.14159) }} {{ '%5s|%-5s|'|format('r', 'l') }} {{ '%(x)s!'|format(x='kw') }} {{ '%x %o %%'|format(255, 8) }} {{ '%05d'|format(42) }}")
case("f_wordwrap", "{{ 'the quick brown fox jumps over the lazy dog'|wordwrap(10) }}")
case("f_wordwrap_long_word", "{{ 'abcdefghijklmnop qr'|wordwrap(5) }}")
case("f_wordwrap_hyphens", "{{ 'a well-known fact about multi-column foreign-key constraints'|wordwrap(12) }}")
case("f_wordwrap_hyphens_off", "{{ 'a well-known fact about multi-column foreign-key constraints'|wordwrap(12, break_on_hyphens=false) }}")
case("f_wordwrap_em_dash", "{{ 'drops the column--all data--is lost forever, really'|wordwrap(9) }}")
case("f_wordwrap_long_hyphenated", "{{ 'supercalifragilistic-expialidocious-word end'|wordwrap(10) }}")
case("f_wordwrap_no_break_long", "{{ 'abcdefghijklmnop qr'|wordwrap(5, break_long_words=false) }}")
case("f_wordwrap_paragraphs", "{{ 'first paragraph here\nsecond one is a bit longer\n\nthird'|wordwrap(10) }}")
case("f_wordwrap_spaces", "{{ '  lead   and   many    spaces  '|wordwrap(6) }}")
case("f_wordwrap_dash_numbers", "{{ 'range 10-20 and x-1 or ab-cd-ef'|wordwrap(7) }}")
case("f_wordwrap_wrapstring", "{{ 'aaa bbb ccc'|wordwrap(4, wrapstring='<br>') }}")
case("f_center", "[{{ 'ab'|center(7) }}] [{{ 'abc'|center(6) }}]")
case("f_abs_round", "{{ -5|abs }} {{ -2.5|abs }} {{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 3.14159|round(2, 'floor') }} {{ 1.1|round(0, 'ceil') }} {{ 7|round }}")
case("f_unique", "{{ [1, 2, 1, 3, 2]|unique|list }} {{ ['a', 'A', 'b']|unique|list }}")
case("f_batch_slice", "{{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|batch(2, 'x')|list }} {{ [1, 2, 3, 4, 5]|slice(2)|list }}")
case("f_items", "{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %}", {"d": {"a": 1, "b": 2}})
case("f_escape_safe", "{{ '<a href=\"x\">&\\'</a>'|e }} {{ '<b>'|safe }}")
case("f_truncate", "{{ 'foo bar baz qux quux corge grault garply'|truncate(20) }}|{{ 'short'|truncate(20) }}|{{ 'abcdefghijklmnopqrstuvwxyz'|truncate(10, true) }}")
case("f_wordcount", "{{ 'one two  three'|wordcount }}")
case("f_attr", "[{{ d|attr('x') }}] {{ 'ab'|attr('upper')() }}", {"d": {"x": 1}})
case("f_default_chain", "{{ x|default(y)|default('z') }}")
case("f_chain_args_kwargs", "{{ names|map('upper')|select('ne', 'B')|sort(reverse=true)|join('|') }}", {"names": ["a", "b", "c"]})
case("filter_unknown_error", "{{ x|nope }}", error=True)
case("filter_unknown_untaken_if_ok", "{% if false %}{{ x|nope }}{% endif %}{{ x|nope if false else 'ok' }}")
case("filter_unknown_taken_if_error", "{% if true %}{{ x|nope }}{% endif %}", error=True)
case("filter_unknown_in_loop_in_if_error", "{% if false %}{% for i in [] %}{{ x|nope }}{% endfor %}{% endif %}", error=True)
case("test_unknown_untaken_if_ok", "{% if false and 1 is nope %}x{% endif %}ok")

# --- tests -----------------------------------------------------------------------------------
case("t_types", "{{ 1 is number }} {{ true is number }} {{ 1 is integer }} {{ true is integer }} {{ 1.0 is float }} {{ 'a' is string }} {{ {} is mapping }} {{ [] is sequence }} {{ 'x' is iterable }} {{ none is none }} {{ 0 is none }} {{ true is boolean }}")
case("t_values", "{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(2) }} {{ 'abc' is lower }} {{ 'ABC' is upper }} {{ true is true }} {{ 0 is false }} {{ false is false }}")
case("t_compare", "{{ 1 is eq 1 }} {{ 1 is ne 2 }} {{ 1 is lt 2 }} {{ 3 is gt 2 }} {{ 2 is le 2 }} {{ 2 is ge 3 }} {{ 2 is in [1, 2] }} {{ 1 is sameas 1 }} {{ none is sameas none }}")
case("t_not", "{{ x is not none }} {{ y is not none }} {{ 1 is not in [2] }} {{ not x is defined }}", {"x": None, "y": 1})
case("t_callable_filter_test", "{{ range is callable }} {{ 1 is callable }} {{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'odd' is test }}")
case("test_unknown_error", "{{ 1 is nope }}", error=True)
case("t_in_condition", "{% if col.default is not none and col.default != '' %}DEFAULT {{ col.default }}{% endif %}", {"col": {"default": "0"}})

# --- errors: syntax and runtime --------------------------------------------------------------
case("err_unclosed_if", "{% if true %}x", error=True)
case("err_unclosed_var", "{{ x ", error=True)
case("err_unknown_tag", "{% frobnicate %}", error=True)
case("err_endfor_mismatch", "{% if true %}{% endfor %}", error=True)
case("err_bad_expression", "{{ 1 + }}", error=True)
case("err_unclosed_comment", "{# never closed", error=True)
case("err_unclosed_raw", "{% raw %}never closed", error=True)
case("err_unbalanced_paren", "{{ (1 + 2 }}", error=True)
case("err_div_zero", "{{ 1 / 0 }}", error=True)
case("err_call_non_callable", "{{ x() }}", {"x": 1}, error=True)
case("err_call_undefined", "{{ nope() }}", error=True)
case("err_bad_char", "{{ 1 $ 2 }}", error=True)
case("err_string_plus_int", "{{ 'a' + 1 }}", error=True)
case("err_compare_types", "{{ 1 < 'a' }}", error=True)
case("err_set_attr_non_namespace", "{% set d = {} %}{% set d.x = 1 %}", error=True)
case("err_endblock_name", "{% block a %}{% endblock b %}", error=True)
case("err_elif_after_else", "{% if x %}{% else %}{% elif y %}{% endif %}", error=True)

# --- more edge cases -----------------------------------------------------------------------
case("float_repr_edges", "{{ 0.0001 }} {{ 0.00001 }} {{ 1e15 }} {{ 1e16 }} {{ 100000000000000000.0 }} {{ -0.0 }} {{ 2 ** -1 }} {{ 1e300 * 1e10 }} {{ 1.0 / 3 * 3 }}")
case("int_division_edges", "{{ 7 // -2 }} {{ -7 % -3 }} {{ 7 % -3 }} {{ 0 // 5 }} {{ -1 // 10 }}")
case("string_index", "{{ 'abc'[0] }}{{ 'abc'[-1] }}[{{ 'abc'[5] }}]")
case("default_no_args", "[{{ missing|default }}]")
case("set_increment_toplevel", "{% set x = 1 %}{% set x = x + 1 %}{{ x }}")
case("set_in_loop_reads_outer", "{% set total = 10 %}{% for i in [1, 2] %}{{ total + i }} {% endfor %}")
case("loop_changed", "{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}")
case("loop_length_with_filter", "{% for x in range(6) if x > 2 %}{{ loop.index }}/{{ loop.length }} {% endfor %}")
case("loop_in_macro", "{% macro l(xs) %}{% for x in xs %}{{ loop.index }}{% endfor %}{% endmacro %}{{ l('ab') }}")
case("nested_loop_outer_access", "{% for a in [1, 2] %}{% set outer = loop %}{% for b in [1] %}{{ outer.index }}{{ loop.index }} {% endfor %}{% endfor %}")
case("self_block_call", "{% block title %}T{% endblock %} again: {{ self.title() }}")
case("extends_variable_name", "{% extends layout %}{% block body %}v{% endblock %}", {"layout": "base.j2"}, templates={"base.j2": BASE})
case("super_without_parent_error", "{% block a %}{{ super() }}{% endblock %}", error=True)
case("call_block_without_caller_use_error", "{% macro m() %}m{% endmacro %}{% call m() %}body{% endcall %}", error=True)
case("ws_end_of_template_minus", "a\n{{- 'b' -}}\n")
case("ws_minus_at_start", "   \n{%- if true %}x{% endif %}")
case("lstrip_with_minus", "x\n    {%- if true %}y{% endif %}", options=LSTRIP)
case("trim_keep_newline_end", "{% if true %}x{% endif %}\n", options={**TRIM, **KEEP})
case("trim_blocks_crlf", "{% if true %}\r\nx\r\n{% endif %}\r\n", options={**TRIM, **KEEP})
case("lstrip_raw", "  {% raw %}r{% endraw %}\n", options=LSTRIP)
case("trim_raw_end", "{% raw %}r{% endraw %}\nz", options=TRIM)
case("comment_lstrip_trim", "a\n  {# c #}\nb\n", options=BOTH)
case("print_nested_structs", "{{ [{'a': [1, {'b': 'c'}]}, [[]], {}] }}")
case("print_large_ints", "{{ 9007199254740993 }} {{ -9223372036854775807 }} {{ n }}", {"n": 12345678901234})
case("concat_number_format", "{{ 1.0 ~ '|' ~ 10 / 4 ~ '|' ~ 3 * 1.5 }}")
case("compare_string_ops", "{{ 'abc' < 'abd' }} {{ 'B' < 'a' }} {{ 'a' == 'a' }} {{ 1 == true }} {{ 0 == false }} {{ none == none }} {{ none == false }}")
case("in_dict_and_string", "{{ 'a' in {'a': 1} }} {{ '' in 'abc' }} {{ 'ab' in ['ab'] }} {{ [1] in [[1]] }}")
case("filter_precedence", "{{ -1|abs }} {{ 'a' ~ 'b'|upper }} {{ ('a' ~ 'b')|upper }} {{ 1 ~ 2|string ~ 'x' if true }}")
case("filter_binds_tighter_error", "{{ 1 + 2|string }}", error=True)
case("test_precedence", "{{ not 1 is odd }} {{ 2 + 1 is odd }} {{ 'x' ~ 1 is odd }}")
case("dict_attr_vs_key", "{{ d.keys is defined }} {{ d['keys'] }} {{ d.values()|list }}", {"d": {"keys": "K"}})
case("for_else_filtered_empty", "{% for x in [1, 2] if x > 5 %}{{ x }}{% else %}none{% endfor %}")
case("for_over_dict_items_sorted", "{% for k, v in d|dictsort(reverse=true) %}{{ k }}{% endfor %}", {"d": {"a": 1, "b": 2}})
case("macro_in_loop_closure", "{% for i in [1, 2] %}{% macro m() %}{{ i }}{% endmacro %}{{ m() }}{% endfor %}")
case("macro_name_attr", "{% macro hello(a, b) %}{% endmacro %}{{ hello.name }} {{ hello.arguments|list }}")
case("call_caller_twice", "{% macro twice() %}{{ caller() }}{{ caller() }}{% endmacro %}{% call twice() %}x{% endcall %}")
case("import_module_variable_missing", "{% import 'm.j2' as m %}[{{ m.nope }}]", templates={"m.j2": ""})
case("include_in_macro", "{% macro m(x) %}{% include 'p.j2' %}{% endmacro %}{{ m(5) }}", templates={"p.j2": "<{{ x }}>"})
case("include_nested_folder", "{% include 'sub/p.j2' %}", templates={"sub/p.j2": "nested"})
case("namespace_print_attr", "{% set ns = namespace(a=1) %}{{ ns.a }} {{ ns.b is defined }}")
case("f_join_numbers_mixed", "{{ [1, 2.5, none, true]|join('-') }}")
case("f_replace_count_zero", "{{ 'aaa'|replace('a', 'b', 0) }}")
case("f_indent_unicode", "{{ 'é\nü'|indent(2, true) }}")
case("f_map_default_missing", "{{ xs|map(attribute='v', default='-')|join(',') }}", {"xs": [{"v": 1}, {}, {"v": None}]})
case("f_sort_numbers_strings_error", "{{ [1, 'a']|sort }}", error=True)
case("f_first_dict", "{{ {'k': 1, 'j': 2}|first }} {{ 'x'|last }}")
case("f_string_methods_chain", "{{ 'Users Table'.lower().replace(' ', '_') }} {{ 'a_b_c'.split('_')|join('.') }} {{ 'x.sql'.endswith(('.sql', '.txt')) }}")
case("f_trim_undefined", "[{{ missing|trim }}]")
case("f_sum_floats", "{{ [0.1, 0.2, 0.3]|sum }} {{ []|sum }}")
case("f_length_of_dict_items", "{{ d.items()|length }} {{ d|length }}", {"d": {"a": 1, "b": 2}})
case("f_count_alias", "{{ 'abc'|count }}")
case("f_capitalize_empty", "[{{ ''|capitalize }}] [{{ ''|title }}] [{{ ''|upper }}]")
case("f_format_errors", "{{ '%d'|format('x') }}", error=True)
case("f_tojson_nested_unicode", "{{ {'emoji': '😀', 'ctl': '\u0001'}|tojson }}")
case("strict_loop_attr_ok", "{% for c in cols %}{{ c.name }}{{ ',' if not loop.last }}{% endfor %}", {"cols": [{"name": "a"}, {"name": "b"}]}, options=STRICT)
case("strict_missing_nested_error", "{{ t.columns[0].name }}", {"t": {"columns": []}}, options=STRICT, error=True)
case("strict_default_filter_chain", "{{ t.comment|default('none') }} {{ (t.comment is defined and t.comment or 'no')|upper }}", {"t": {}}, options=STRICT)
case("strict_or_error", "{{ t.comment or 'no' }}", {"t": {}}, options=STRICT, error=True)
case("strict_include", "{% include 'p.j2' %}", {"x": 1}, options=STRICT, templates={"p.j2": "{{ x }}{{ y }}"}, error=True)
case("undefined_in_condexpr_no_else", "[{{ 'a' if false }}]{{ ('a' if false) is defined }}")

# --- scoping ----------------------------------------------------------------------------------
case("scope_set_in_loop_across_iterations", "{% for i in [1, 2, 3] %}[{{ x }}]{% set x = i %}{% endfor %}")
case("scope_set_in_loop_shadow_outer", "{% set x = 0 %}{% for i in [1, 2] %}[{{ x }}]{% set x = i %}{% endfor %}({{ x }})")
case("scope_macro_reads_later_toplevel", "{% macro m() %}{{ v }}{% endmacro %}{% set v = 1 %}{{ m() }}")
case("scope_macro_sets_local", "{% set v = 'top' %}{% macro m() %}{% set v = 'inner' %}{{ v }}{% endmacro %}{{ m() }} {{ v }}")
case("scope_if_in_loop_set", "{% for i in [1, 2] %}{% if i == 1 %}{% set y = 'one' %}{% endif %}{{ y }};{% endfor %}")
case("scope_with_set_no_leak", "{% with %}{% set z = 1 %}{{ z }}{% endwith %}[{{ z }}]")
case("scope_block_sees_toplevel_set", "{% set v = 'V' %}{% block b %}{{ v }}{% endblock %}")
case("scope_loop_var_shadows_context", "{% for x in [1] %}{{ x }}{% endfor %}{{ x }}", {"x": "ctx"})
case("scope_caller_sees_call_site", "{% macro m() %}{{ caller() }}{% endmacro %}{% for i in [7] %}{% call m() %}{{ i }}{% endcall %}{% endfor %}")

# --- in-place list and dict methods --------------------------------------------------------
case("list_append_idiom", "{% set names = [] %}{% for c in cols %}{% set _ = names.append(c.name|upper) %}{% endfor %}{{ names|join(', ') }}",
     {"cols": [{"name": "a"}, {"name": "b"}]})
case("list_append_prints_none", "{% set l = [1] %}{{ l.append(2) }} {{ l }}")
case("list_mutators", "{% set l = [3, 1, 2] %}{% set _ = l.extend([4, 5]) %}{% set _ = l.insert(0, 'x') %}{% set p = l.pop() %}{% set q = l.pop(0) %}{% set _ = l.remove(1) %}{{ l }} {{ p }} {{ q }}")
case("dict_mutators", "{% set d = {'a': 1} %}{% set _ = d.update({'b': 2}, c=3) %}{% set x = d.pop('a') %}{% set y = d.setdefault('z', 9) %}{{ d }} {{ x }} {{ y }} {{ d.pop('nope', 'dflt') }}")
case("namespace_list_append", "{% set ns = namespace(items=[]) %}{% for i in range(3) %}{% set _ = ns.items.append(i * i) %}{% endfor %}{{ ns.items }}")
case("append_in_macro_to_outer", "{% set acc = [] %}{% macro add(x) %}{% set _ = acc.append(x) %}{% endmacro %}{{ add(1) }}{{ add(2) }}{{ acc }}")
case("pop_empty_error", "{% set l = [] %}{{ l.pop() }}", error=True)

# --- assorted semantics ------------------------------------------------------------------------
case("include_inside_child_block", "{% extends 'base.j2' %}{% block body %}{% include 'p.j2' %}{% endblock %}", {"v": 1},
     templates={"base.j2": BASE, "p.j2": "inc {{ v }}"})
case("macro_caller_is_defined", "{% macro m() %}{{ caller is defined }}{% endmacro %}{{ m() }} {% call m() %}x{% endcall %}")
case("macro_nested_definition", "{% macro outer(x) %}{% macro inner(y) %}<{{ x }}{{ y }}>{% endmacro %}{{ inner(1) }}{{ inner(2) }}{% endmacro %}{{ outer('a') }}")
case("loop_depth", "{% for a in [1] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}")
case("map_string_join", "{{ [1, 2, 3]|map('string')|join }} {{ 'abc'|list|join('-') }}")
case("batch_string", "{{ 'abcde'|batch(2)|list }}")
case("inline_if_none", "{{ 1 if none else 2 }} {{ 'x' if [] else 'y' }}")
case("sameas_false", "{{ false is sameas false }} {{ 0 is sameas false }} {{ none is sameas false }}")
case("divisibleby_zero_error", "{{ 3 is divisibleby(0) }}", error=True)
case("dict_int_key_lookup", "[{{ d[0] }}] [{{ l['0'] }}]", {"d": {"0": "zero"}, "l": [1]})
case("string_multiply_in_output", "{{ '-' * 20 }}")
case("not_in_precedence", "{{ not 1 in [1] }} {{ not (1 in [2]) }}")
case("none_comparisons_error", "{{ none < 1 }}", error=True)
case("for_over_none_error", "{% for x in none %}{% endfor %}", error=True)
case("join_nested_lists", "{{ [[1, 2], [3]]|join(';') }}")
case("lower_on_list", "{{ ['A', 'B']|lower }}")
case("length_of_number_error", "{{ 5|length }}", error=True)
case("upper_of_none", "{{ none|upper }}")
case("trim_of_number", "[{{ 42|trim }}]")
case("replace_on_number", "{{ 1000|replace('0', 'o') }}")
case("indent_of_number_error", "{{ 42|indent }}", error=True)
case("indent_of_undefined_error", "{{ missing|indent }}", error=True)
case("default_false_boolean", "{{ false|default('d') }} {{ false|default('d', true) }} {{ []|default('empty', boolean=true) }}")
case("whitespace_only_template", "   \n\t\n")
case("empty_template", "")
case("only_tags", "{% if true %}{% endif %}{# c #}{% set x = 1 %}")
case("nested_quotes_in_tag", "{{ \"it's\" ~ 'say \"hi\"' }}")
case("tag_spanning_lines", "{{\n  items\n  | join(', ')\n}}\n{%\n  if true\n%}ok{% endif %}", {"items": ["a", "b"]})
case("trim_blocks_multiple_newlines", "{% if true %}\n\nx{% endif %}", options=TRIM)
case("lstrip_blocks_tab_and_space", " \t {% if true %}x{% endif %}\n \t {% for i in [1] %}{{ i }}{% endfor %}", options=LSTRIP)
case("lstrip_comment_then_block", "  {# c #}  {% if true %}x{% endif %}", options=LSTRIP)
case("minus_strips_newlines_both_sides", "a\n\n{%- if true -%}\n\nb\n\n{%- endif -%}\n\nc")

# --- undefined values inside lists and dicts --------------------------------------------------
case("undefined_in_list_literal", "{{ [missing, 1] }} {{ [missing]|length }} {{ [missing][0] is defined }} {{ {'a': missing} }}")
case("undefined_in_map_join", "[{{ cols|map(attribute='comment')|join(', ') }}] {{ cols|map(attribute='comment')|list }}",
     {"cols": [{"comment": "a"}, {}, {"comment": "c"}]})
case("undefined_in_list_tojson_error", "{{ [missing]|tojson }}", error=True)
case("undefined_in_list_select", "{{ [missing, 1, none]|select|list }} {{ [missing, 1]|reject('defined')|list }}")
case("undefined_in_list_equality", "{{ [missing] == [other] }} {{ missing in [1, missing2] }}")
case("strict_undefined_in_list_ok", "{{ [missing]|length }} {{ [missing][0] is defined }}", options=STRICT)
case("strict_undefined_in_list_join_error", "{{ [missing]|join }}", options=STRICT, error=True)
case("strict_map_missing_attribute_error", "{{ cols|map(attribute='comment')|join(', ') }}", {"cols": [{}]}, options=STRICT, error=True)
case("undefined_macro_varargs", "{% macro m() %}{{ varargs|list }}{% endmacro %}{{ m(missing) }}")

case("slice_huge_steps", "{{ [1, 2, 3][::9223372036854775807] }} {{ [1, 2, 3][::-9223372036854775807] }} {{ 'abc'[5:1:-1] }} {{ [1, 2, 3][-100:100] }}")
case("range_huge_step", "{{ range(0, 9223372036854775807, 4611686018427387904)|list }} {{ range(5, -9223372036854775807, -9223372036854775807)|list }}")

case("unique_mixed_numbers", "{{ [1, 1.0, true, '1', 0, -0.0, false, none, none, 'a', 'A', 2, 2.5]|unique|list }} {{ ['a', 'A', 'b']|unique(case_sensitive=true)|list }}")
case("unique_many", "{{ (range(3000)|map('string')|list + range(3000)|list + range(0, 3000, 7)|list)|unique|list|length }}")
case("format_d_of_float", "{{ '%d|%5.1f'|format(3.99, 2.25) }}")

# --- migration-shaped -------------------------------------------------------------------------
REVISION = """-- autogen revision
-- revision: {{ revision }}
-- down_revision: {{ down_revisions|join(', ') if down_revisions else 'none' }}
-- message: {{ message }}
-- created: {{ created }}
{% for d in dialects %}

-- +upgrade {{ d.name }}
{% for s in d.upgrade %}
{% if s.destructive %}
-- WARNING: {{ s.comment }}
{% endif %}
{{ s.sql }}
{% else %}
-- (no changes)
{% endfor %}

-- +downgrade {{ d.name }}
{% for s in d.downgrade %}
{{ s.sql }}
{% endfor %}
{% endfor %}
"""
REV_CTX = {
    "revision": "3f2a9c1b7d4e", "down_revisions": ["9a8b7c6d5e4f"], "message": "add user phone",
    "created": "2026-11-21T15:30:00Z",
    "dialects": [
        {"name": "sqlite",
         "upgrade": [{"sql": "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20);", "destructive": False, "comment": ""},
                     {"sql": "ALTER TABLE \"users\" DROP COLUMN \"fax\";", "destructive": True, "comment": "drops column users.fax"}],
         "downgrade": [{"sql": "ALTER TABLE \"users\" DROP COLUMN \"phone\";", "destructive": True, "comment": ""}]},
        {"name": "postgresql", "upgrade": [], "downgrade": []},
    ],
}
case("revision_trim_lstrip", REVISION, REV_CTX, options={**BOTH, "keep_trailing_newline": True})
case("revision_strict", REVISION, REV_CTX, options={**BOTH, "keep_trailing_newline": True, "strict_undefined": True})
case("revision_default_env", REVISION, dict(REV_CTX, down_revisions=[]))
case("revision_macro_file", "{% import 'sql.j2' as sql %}\n{% for s in stmts %}\n{{ sql.statement(s) }}\n{% endfor %}\n",
     {"stmts": [{"sql": "CREATE TABLE t (id INT);", "no_transaction": True}, {"sql": "DROP TABLE u;", "warn": "drops u"}]},
     options={**BOTH, "keep_trailing_newline": True},
     templates={"sql.j2": "{% macro statement(s) -%}\n{% if s.warn is defined %}-- WARNING: {{ s.warn }}\n{% endif -%}\n{% if s.no_transaction|default(false) %}-- autogen: no-transaction\n{% endif -%}\n{{ s.sql }}\n{%- endmacro %}\n"})
case("revision_override_header", "{% extends 'revision.j2' %}\n{% block header %}-- custom header for {{ revision }}\n{% endblock %}\n",
     {"revision": "abc", "ops": ["A;", "B;"]}, options={**BOTH, "keep_trailing_newline": True},
     templates={"revision.j2": "{% block header %}-- autogen revision {{ revision }}\n{% endblock %}\n{% for o in ops %}\n{{ o }}\n{% endfor %}\n"})
case("column_list_join", "CREATE TABLE {{ t.name }} (\n{{ t.columns|map(attribute='ddl')|join(',\\n')|indent(4, true) }}\n);",
     {"t": {"name": "\"users\"", "columns": [{"ddl": "\"id\" INTEGER NOT NULL"}, {"ddl": "\"email\" TEXT"}]}})


# The built-in revision template as it stood when the cases were last generated
# (a snapshot: re-run this script after changing templates/revision.sql.j2).
_BUILTIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "templates", "revision.sql.j2")
if os.path.exists(_BUILTIN):
    with open(_BUILTIN, encoding="utf-8", newline="") as _f:
        _REV_SRC = _f.read()
    _STMT = {"sql": "ALTER TABLE \"users\" ADD COLUMN \"phone\" VARCHAR(20)", "comment": "add column users.phone\nsecond line",
             "comment_lines": ["add column users.phone", "second line"], "destructive": False, "warning": "", "no_transaction": False}
    _DROP = {"sql": "ALTER TABLE \"users\" DROP COLUMN \"phone\"", "comment": "", "comment_lines": [], "destructive": True,
             "warning": "drops column users.phone", "no_transaction": False}
    _REV = {"revision": "3f2a9c1b7d4e", "down_revision": "9a8b7c6d5e4f", "down_revisions": ["9a8b7c6d5e4f"],
            "message": "add user phone", "created": "2026-11-21T15:30:00Z", "branch_labels": ["main"], "depends_on": [],
            "operations": ["detected added column \"users\".\"phone\""],
            "dialects": [{"name": n, "upgrade": [_STMT, _STMT], "downgrade": [_DROP],
                          "upgrade_no_transaction": False, "downgrade_no_transaction": n == "postgresql",
                          "sections": [{"kind": "upgrade", "no_transaction": False, "statements": [_STMT, _STMT]},
                                       {"kind": "downgrade", "no_transaction": n == "postgresql", "statements": [_DROP]}]}
                         for n in ("sqlite", "postgresql")]}
    case("builtin_revision_template", _REV_SRC, _REV, options={**BOTH, "strict_undefined": True})
    case("builtin_revision_template_keep_nl", _REV_SRC, _REV, options={**BOTH, "strict_undefined": True, "keep_trailing_newline": True})
    case("builtin_revision_template_empty", _REV_SRC, dict(_REV, branch_labels=[], dialects=[]), options={**BOTH, "strict_undefined": True})
    # A project template extending the built-in one (its blocks, scoped loop variables, super()).
    _OVERRIDE = ('{% extends "revision.sql.j2" %}\n'
                 '{% block header %}\n{{ super() -}}\n-- reviewed-by: {{ reviewer | default("nobody") }}\n{% endblock %}\n'
                 '{% block statement_separator %}\n-- ---- ({{ loop.index }} of {{ loop.length }} in {{ dialect.name }})\n{% endblock %}\n'
                 '{% block statement %}\n-- [{{ section.kind }} #{{ loop.index }}]\n{{ super() }}{% endblock %}\n')
    case("builtin_revision_template_extended", _OVERRIDE, _REV, options={**BOTH, "strict_undefined": True},
         templates={"revision.sql.j2": _REV_SRC})
    case("builtin_revision_template_section_override",
         '{% extends "revision.sql.j2" %}{% block section_heading %}\n\n-- +{{ section.kind }} {{ dialect.name }}  {# {{ self.header() }} #}\n{% endblock %}'
         '{% block sections %}{{ super() }}-- end of {{ revision }}\n{% endblock %}',
         _REV, options={**BOTH, "strict_undefined": True}, templates={"revision.sql.j2": _REV_SRC})


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases_dir = os.path.join(here, "cases")
    os.makedirs(cases_dir, exist_ok=True)
    names = [c[0] for c in CASES]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        sys.exit(f"duplicate case names: {sorted(dupes)}")
    wanted = set()
    for name, template, context, options, templates, _ in CASES:
        for ext in (".j2", ".json", ".expected", ".error"):
            wanted.add(name + ext)
    for f in os.listdir(cases_dir):  # drop files of cases that were removed from the table
        if f not in wanted:
            os.remove(os.path.join(cases_dir, f))
    problems = 0
    for name, template, context, options, templates, error in CASES:
        with open(os.path.join(cases_dir, name + ".j2"), "w", encoding="utf-8", newline="") as f:
            f.write(template)
        data = dict(context)
        if options:
            data["__options__"] = options
        if templates:
            data["__templates__"] = templates
        with open(os.path.join(cases_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False)
            f.write("\n")
        for ext in (".expected", ".error"):
            p = os.path.join(cases_dir, name + ext)
            if os.path.exists(p):
                os.remove(p)
        try:
            out = oracle.render(cases_dir, name)
            if error:
                print(f"{name}: marked error=True but jinja2 rendered {out!r}")
                problems += 1
            with open(os.path.join(cases_dir, name + ".expected"), "wb") as f:
                f.write(out.encode("utf-8"))
        except Exception as e:
            if not error:
                print(f"{name}: jinja2 failed: {type(e).__name__}: {e}")
                problems += 1
            with open(os.path.join(cases_dir, name + ".error"), "w", encoding="utf-8") as f:
                f.write(f"{type(e).__name__}: {e}\n")
    print(f"{len(CASES)} cases written to {cases_dir}, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
