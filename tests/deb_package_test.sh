#!/usr/bin/env bash
# The Debian package (cmake/AutogenPackaging.cmake, docs/packaging.md), made by CPack
# from this build and checked as a user of a fresh Debian 12 would meet it:
#   - it holds the stripped binary and runtime library, the CMake package, the man
#     page, the bash/zsh/fish completions, the licence (as copyright) and the docs;
#   - its Depends covers every shared library the binaries need (each NEEDED entry is
#     resolved and its file traced to its Debian package with dpkg -S), and the ones it
#     opens without linking: libclang (dlopened) and clang's resource headers;
#   - apt accepts it (a simulated install resolves every dependency);
#   - unpacked into a clean prefix (dpkg-deb -x, nothing of the build tree around), its
#     autogen runs examples/blog's demo from there.
# usage: deb_package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1")
source=$(realpath "$2")
work=$(mktemp -d /tmp/autogen-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; fail "cpack could not make the package"; }
debs=("$work"/out/autogen_*.deb)
[ -f "${debs[0]}" ] || fail "cpack made no autogen_*.deb in $work/out"
deb=${debs[0]}
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# --- what it declares -------------------------------------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# the package names alone, one per line ("libc6 (>= 2.34) | foo" -> libc6, foo)
declared=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/^ +//; s/ +$//; s/:.*$//' | grep -v '^$')
[ "$(dpkg-deb -f "$deb" Package)" = autogen ] || fail "the package is not named autogen"

# --- what it holds ----------------------------------------------------------------
root=$work/root
dpkg-deb -x "$deb" "$root"
for f in usr/bin/autogen usr/lib/libautogen_migrate.so usr/include/autogen/model.hpp \
         usr/include/autogen/migrate.hpp usr/lib/cmake/autogen/autogenConfig.cmake \
         usr/lib/cmake/autogen/autogenCheck.cmake usr/lib/pkgconfig/autogen-migrate.pc \
         usr/share/autogen/templates/revision.sql.j2 usr/share/doc/autogen/copyright \
         usr/share/doc/autogen/README.md usr/share/doc/autogen/docs/embedding.md \
         usr/share/man/man1/autogen.1 usr/share/bash-completion/completions/autogen \
         usr/share/zsh/vendor-completions/_autogen usr/share/fish/vendor_completions.d/autogen.fish; do
  [ -e "$root/$f" ] || fail "the package lacks /$f"
done
cmp -s "$root/usr/share/doc/autogen/copyright" "$source/LICENSE" || fail "copyright is not LICENSE"
for elf in "$root/usr/bin/autogen" "$root"/usr/lib/libautogen_migrate.so.*.*.*; do
  sections=$(readelf -S -W "$elf")
  ! grep -qE '\.(symtab|debug_info)' <<<"$sections" || fail "$(basename "$elf") is not stripped"
done
echo "binary: $(du -k "$root/usr/bin/autogen" | cut -f1) KiB stripped"

# --- every library it needs comes from a declared package -------------------------
# package_of FILE: the Debian package that installed FILE (symlinks followed both ways,
# /lib being /usr/lib on Debian 12).
package_of() {
  local f=$1 p
  for candidate in "$f" "$(realpath "$f")" "${f#/usr}" "/usr${f}"; do
    p=$(dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1) && [ -n "$p" ] && { echo "$p"; return; }
  done
  return 1
}
require_declared() {  # FILE WHY
  local pkg
  pkg=$(package_of "$1") || fail "$1 ($2) belongs to no installed package"
  grep -qx "$pkg" <<<"$declared" || fail "$1 ($2) comes from $pkg, which Depends does not name"
}
for elf in "$root/usr/bin/autogen" "$root"/usr/lib/libautogen_migrate.so.*.*.*; do
  resolved=$(LD_LIBRARY_PATH="$root/usr/lib" ldd "$elf")
  for needed in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    # "libx.so.1 => /path (0x...)", or the loader's own line "/lib64/ld-linux-x86-64.so.2 (0x...)"
    path=$(awk -v n="$needed" '$1 == n && $2 == "=>" { print $3; exit }
                               substr($1, length($1) - length(n)) == "/" n { print $1; exit }' <<<"$resolved")
    [ -n "$path" ] && [ "$path" != "not" ] || fail "$(basename "$elf") needs $needed, which is not found"
    case "$path" in "$root"/*) continue ;; esac  # the package's own library
    require_declared "$path" "needed by $(basename "$elf")"
  done
done
# Opened, not linked: the libclang the scanner dlopens (seen by the loader while the
# unpacked binary scans examples/blog's models) and clang's resource headers.
mkdir -p "$work/scan"
cp -r "$source/examples/blog/autogen.toml" "$source/examples/blog/src" "$work/scan/"
(cd "$work/scan" && env -u DATABASE_URL XDG_CACHE_HOME="$work/cache" LD_DEBUG=files \
   "$root/usr/bin/autogen" inspect models >/dev/null 2>"$work/ld.log") \
  || { tail -20 "$work/ld.log"; fail "the packaged autogen could not scan examples/blog"; }
dlopened=$(sed -nE 's/.*file=([^ ]+) \[0\];  dynamically loaded by .*autogen.*/\1/p' "$work/ld.log" | sort -u)
grep -q libclang <<<"$dlopened" || fail "no libclang was dlopened while scanning (LD_DEBUG=files)"
for lib in $dlopened; do require_declared "$lib" "dlopened by autogen"; done
resource=$(strings "$root/usr/bin/autogen" | grep -oE '/usr/lib/llvm-[0-9]+/lib/clang/[0-9.]+$' | head -1 || true)
[ -n "$resource" ] || fail "no clang resource dir found in the binary"
require_declared "$resource/include/stddef.h" "clang's resource headers"
echo "ok: every library autogen needs or opens comes from a package its Depends names"

# apt resolves the dependencies (a simulation: nothing is installed or changed).
if command -v apt-get >/dev/null; then
  apt-get -s -q install "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log"; fail "apt-get refuses the package"; }
  echo "ok: apt-get -s install accepts it"
fi

# --- the demo, run by the unpacked binary -----------------------------------------
# The clean prefix has the binary find its templates and <autogen/model.hpp> beside
# itself (../share, ../include), as it will in /usr.
"$source/examples/blog/demo.sh" "$root/usr/bin/autogen" >"$work/demo.log" 2>&1 \
  || { tail -30 "$work/demo.log"; fail "the demo failed with the packaged autogen"; }
echo "ok: examples/blog's demo runs on the packaged autogen in $root"
