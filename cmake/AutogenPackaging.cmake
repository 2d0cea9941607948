# What `cmake --install` puts beside the binary and the package besides code (the
# licence, the README and docs/), and the Debian package CPack makes of it all
# (docs/packaging.md). Included once by the top-level CMakeLists.txt, after every
# install() rule of the build.
#
#   cmake --install build --strip             a stripped install (binary ~139 MB -> ~6 MB)
#   cpack --config build/CPackConfig.cmake    build/autogen_<version>_<arch>.deb (stripped)

# --- the licence and the documentation -------------------------------------------------
# Debian's policy wants the licence as /usr/share/doc/<package>/copyright; other
# prefixes get it under its own name too.
install(FILES LICENSE README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

# --- the Debian package ----------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME autogen)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The autogen developers")
set(CPACK_PACKAGE_CONTACT "The autogen developers <autogen@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "schema migrations generated from annotated C++ models (SQLite, PostgreSQL)")
set(CPACK_PACKAGE_DESCRIPTION
    "autogen reads every annotated C++ struct of a project with libclang, diffs it against\n\
the live SQLite or PostgreSQL schema and writes reviewable SQL migration scripts; it\n\
applies them (upgrade, downgrade, stamp) and checks a repository for schema drift.\n\
Also: the migration runtime library libautogen_migrate.so and its CMake package,\n\
for applications that migrate their own database at start-up.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # autogen_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/autogen")
# The libraries the binaries link (libc6, libstdc++6, libsqlite3-0, libpq5, libfmt9 ...)
# come from dpkg-shlibdeps. It cannot see what is not linked:
#   libclang1-14            libclang is dlopened on the first parse (lib/scan/libclang_loader);
#   libclang-common-14-dev  clang's own headers (stddef.h ...), the scanner's resource dir;
#   libstdc++-12-dev        the C++ standard headers models include (<string>, <optional>).
# tests/deb_package_test.sh checks that every library the binaries load, and the
# libclang they open, belongs to a package this list or shlibdeps declares.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libclang1-${AUTOGEN_LIBCLANG_VERSION}, libclang-common-${AUTOGEN_LIBCLANG_VERSION}-dev, libstdc++-12-dev")
# What is handy beside it, not needed: the database clients (the demo, `--sql` output).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, postgresql-client")
include(CPack)
