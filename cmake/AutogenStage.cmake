# cmake/AutogenStage.cmake — one library target per pipeline stage.
#
# autogen_add_stage(<name> [DIR lib-subdir] [EXCLUDE subdirs...] [DEPS targets...]
#                   [PRIVATE_DEPS targets...] [TEST_DEPS targets...])
#   builds lib/<name>/**.cpp (or lib/<DIR>/**.cpp, minus the EXCLUDEd subfolders) (minus *_test.cpp) into the static library autogen_<name>,
#   and lib/<name>/**_test.cpp into the doctest binary <name>_tests, registered with ctest.
# Sources are globbed (CONFIGURE_DEPENDS) so that adding a file to a stage never
# means editing this build: a stage is its folder.

# Where the "postgres" ctest fixture (tests/CMakeLists.txt) runs this build tree's
# PostgreSQL test server; its URL is in ${AUTOGEN_TEST_PG_DIR}/url.
# It lives under /tmp, not in the build tree: the server runs as the `postgres` user when
# the tests run as root, and a checkout under /root (mode 700) is not searchable by it.
# One folder per build tree (a hash of its path), so two build trees never share a server.
string(MD5 autogen_build_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${autogen_build_hash}" 0 12 autogen_build_hash)
set(AUTOGEN_TEST_PG_DIR /tmp/autogen-pg-${autogen_build_hash})

function(autogen_add_stage name)
  cmake_parse_arguments(STAGE "" "DIR" "EXCLUDE;DEPS;PRIVATE_DEPS;TEST_DEPS" ${ARGN})
  if(NOT STAGE_DIR)
    set(STAGE_DIR ${name})
  endif()
  set(dir ${PROJECT_SOURCE_DIR}/lib/${STAGE_DIR})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  foreach(sub IN LISTS STAGE_EXCLUDE)
    list(FILTER all_sources EXCLUDE REGEX "^${dir}/${sub}/")
  endforeach()
  set(sources ${all_sources})
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  set(tests ${all_sources})
  list(FILTER tests INCLUDE REGEX "_test\\.cpp$")

  if(sources)
    add_library(autogen_${name} STATIC ${sources})
    target_include_directories(autogen_${name} PUBLIC ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(autogen_${name} PUBLIC ${STAGE_DEPS} PRIVATE ${STAGE_PRIVATE_DEPS} autogen_warnings)
  else()
    # A stage whose folder holds only headers so far.
    add_library(autogen_${name} INTERFACE)
    target_include_directories(autogen_${name} INTERFACE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(autogen_${name} INTERFACE ${STAGE_DEPS} ${STAGE_PRIVATE_DEPS})
  endif()

  if(tests AND AUTOGEN_BUILD_TESTS)
    add_executable(${name}_tests ${tests} ${PROJECT_SOURCE_DIR}/tests/support/doctest_main.cpp)
    target_link_libraries(${name}_tests PRIVATE autogen_${name} autogen_test_support
                          ${STAGE_TEST_DEPS} autogen_warnings)
    # Every stage test may use the PostgreSQL test server that the "postgres" fixture
    # (tests/CMakeLists.txt) starts; the URL file is passed by environment. One value
    # per property: doctest flattens PROPERTIES into a list, so a second variable goes
    # through ENVIRONMENT_MODIFICATION rather than a ';'-separated ENVIRONMENT.
    doctest_discover_tests(${name}_tests
      TEST_PREFIX "${name}: "
      PROPERTIES ENVIRONMENT "AUTOGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
                 ENVIRONMENT_MODIFICATION "AUTOGEN_TEST_PG_URL_FILE=set:${AUTOGEN_TEST_PG_DIR}/url"
                 FIXTURES_REQUIRED postgres)
  endif()
endfunction()
