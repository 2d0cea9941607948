# cmake/FindLibClang.cmake — libclang's C API on Debian (/usr/lib/llvm-N).
# find_package(LibClang 14 EXACT REQUIRED) -> targets LibClang::LibClang (to link) and
# LibClang::Headers (the C API's headers only), LibClang_VERSION_MAJOR,
# LibClang_RESOURCE_DIR (clang's own stddef.h & co.), LibClang_RUNTIME (the file to
# dlopen: autogen loads libclang on first use, lib/scan/libclang_loader.hpp).
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
if(LibClang_FOUND)
  # The library's SONAME beside its real file (libclang1-N's libclang-N.so.13): what the
  # dynamic linker would have picked had autogen linked it, so a built autogen needs
  # the runtime package only, not the -dev package's unversioned symlink.
  set(LibClang_RUNTIME "${LibClang_LIBRARY}")
  if(CMAKE_OBJDUMP)
    execute_process(COMMAND "${CMAKE_OBJDUMP}" -p "${LibClang_LIBRARY}" OUTPUT_VARIABLE _lc_dynamic ERROR_QUIET)
    if(_lc_dynamic MATCHES "SONAME +([^\n ]+)")
      get_filename_component(_lc_real "${LibClang_LIBRARY}" REALPATH)
      get_filename_component(_lc_dir "${_lc_real}" DIRECTORY)
      if(EXISTS "${_lc_dir}/${CMAKE_MATCH_1}")
        set(LibClang_RUNTIME "${_lc_dir}/${CMAKE_MATCH_1}")
      endif()
    endif()
  endif()
endif()
if(LibClang_FOUND AND NOT TARGET LibClang::Headers)
  add_library(LibClang::Headers INTERFACE IMPORTED)
  set_target_properties(LibClang::Headers PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${LibClang_INCLUDE_DIR}")
endif()
if(LibClang_FOUND AND NOT TARGET LibClang::LibClang)
  add_library(LibClang::LibClang SHARED IMPORTED)
  set_target_properties(LibClang::LibClang PROPERTIES
    IMPORTED_LOCATION "${LibClang_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LibClang_INCLUDE_DIR}")
endif()
