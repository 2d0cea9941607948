#!/usr/bin/env bash
# check-runtime-links.sh LIBRARY — fails (exit 1, saying what) when the migration runtime
# library (libautogen_migrate.so, SPEC §6) depends on libclang or LLVM, or holds code of
# the Jinja engine, the scanner, the planners or the differ: an application that links
# autogen::migrate must not carry the compiler. Also fails if it does not link SQLite
# and libpq (it applies revisions to both). Reads the ELF: `readelf -d` for the shared
# libraries it needs, `nm` for the code inside (the hidden stage symbols included).
set -euo pipefail
lib=${1:?usage: check-runtime-links.sh path/to/libautogen_migrate.so}
[[ -f $lib ]] || { echo "check-runtime-links: $lib does not exist" >&2; exit 2; }
fail=0
needed=$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if grep -Ei '^lib(clang|LLVM)' <<<"$needed"; then
    echo "FAIL: $lib needs libclang/LLVM (above); hint: a stage that links it reached the runtime" >&2
    fail=1
fi
for want in libsqlite3 libpq; do
    grep -q "^$want" <<<"$needed" || { echo "FAIL: $lib does not link $want" >&2; fail=1; }
done
symbols=$(nm -C "$lib")
# autogen::codegen::jinja is the Jinja engine; scan, diff, codegen (planners), introspect,
# dialect and pipeline are the compiler's stages; clang_ is libclang's C API.
leaks=$(grep -E 'autogen::(codegen|scan|diff|introspect|dialect|pipeline)::|[^a-z_]clang_[a-zA-Z]' <<<"$symbols" | head -5 || true)
if [[ -n $leaks ]]; then
    echo "FAIL: $lib holds code it must not (first matches):" >&2
    echo "$leaks" >&2
    echo "hint: a file of the runtime list (CMakeLists.txt, migrate_runtime_files) calls into it; move that call out of the runtime" >&2
    fail=1
fi
exported=$(nm -C -D --defined-only "$lib" | grep -c ' T autogen::migrate::' || true)
if [[ $exported -eq 0 ]]; then
    echo "FAIL: $lib exports no autogen::migrate:: function" >&2
    fail=1
fi
[[ $fail -eq 0 ]] && echo "ok: $lib links $(tr '\n' ' ' <<<"$needed")and holds no compiler code"
exit $fail
