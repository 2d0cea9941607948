# cmake/FindLibClang.cmake — libclang's C API on Debian (/usr/lib/llvm-N).
# find_package(LibClang 14 EXACT REQUIRED) -> target LibClang::LibClang,
# LibClang_VERSION_MAJOR, LibClang_RESOURCE_DIR (clang's own stddef.h & co.).
# Needs only libclang-N-dev, not llvm-N-dev (see shared TOOLCHAIN.md §1.2).
if(LibClang_VERSION_MAJOR)
  set(_lc_versions ${LibClang_VERSION_MAJOR})
elseif(LibClang_FIND_VERSION_EXACT)
  set(_lc_versions ${LibClang_FIND_VERSION_MAJOR})
else()
  set(_lc_versions 19 18 17 16 15 14)
endif()
foreach(_v IN LISTS _lc_versions)
  # NO_CACHE: switching versions in one build dir must not reuse a stale hit.
  find_path(LibClang_INCLUDE_DIR clang-c/Index.h
            PATHS /usr/lib/llvm-${_v}/include NO_DEFAULT_PATH NO_CACHE)
  find_library(LibClang_LIBRARY NAMES clang-${_v}
               PATHS /usr/lib/llvm-${_v}/lib NO_DEFAULT_PATH NO_CACHE)
  if(LibClang_INCLUDE_DIR AND LibClang_LIBRARY)
    set(LibClang_VERSION_MAJOR ${_v})
    file(GLOB _lc_rd LIST_DIRECTORIES true /usr/lib/llvm-${_v}/lib/clang/*)
    foreach(_d IN LISTS _lc_rd)
      if(EXISTS "${_d}/include/stddef.h")
        set(LibClang_RESOURCE_DIR "${_d}")
      endif()
    endforeach()
    break()
  endif()
endforeach()
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang
  REQUIRED_VARS LibClang_LIBRARY LibClang_INCLUDE_DIR LibClang_RESOURCE_DIR
  VERSION_VAR LibClang_VERSION_MAJOR)
if(LibClang_FOUND AND NOT TARGET LibClang::LibClang)
  add_library(LibClang::LibClang SHARED IMPORTED)
  set_target_properties(LibClang::LibClang PROPERTIES
    IMPORTED_LOCATION "${LibClang_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibClang_INCLUDE_DIR}")
endif()
