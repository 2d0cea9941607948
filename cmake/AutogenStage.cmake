# cmake/AutogenStage.cmake — one library target per pipeline stage.
#
# autogen_add_stage(<name> [DEPS targets...] [PRIVATE_DEPS targets...] [TEST_DEPS targets...]
#                   [EXCLUDE files...])
#   builds lib/<name>/**.cpp (minus *_test.cpp and the EXCLUDE files, which another
#   target builds) into the static library autogen_<name>,
#   and lib/<name>/**_test.cpp into the doctest binary <name>_tests, registered with ctest.
# autogen_add_test_binary(<target> PREFIX <ctest prefix> SOURCES files... [LIBS targets...]
#                         [NO_DATABASE])
#   a doctest binary (with tests/support's main) whose test cases are registered with
#   ctest as "<prefix>: <case>", with the environment and PostgreSQL fixture every test
#   binary gets (NO_DATABASE: without the fixture): the stages' unit tests and the
#   cross-stage tests under tests/.
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

function(autogen_add_test_binary target)
  cmake_parse_arguments(TESTS "NO_DATABASE" "PREFIX" "SOURCES;LIBS" ${ARGN})
  add_executable(${target} ${TESTS_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/doctest_main.cpp)
  target_link_libraries(${target} PRIVATE ${TESTS_LIBS} autogen_test_support autogen_warnings)
  # A registered name that matches no case (ctest cut it, or the case was renamed) runs
  # nothing and doctest exits 0: the summary line "test cases: 0 |" fails it instead.
  set(runs_nothing "test cases: +0 [|]")
  if(TESTS_NO_DATABASE)
    # Tests that need no database do not start the test server (ctest -R runs them alone).
    doctest_discover_tests(${target}
      TEST_PREFIX "${TESTS_PREFIX}: "
      PROPERTIES ENVIRONMENT "AUTOGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
                 FAIL_REGULAR_EXPRESSION "${runs_nothing}")
    return()
  endif()
  # Every test may use the PostgreSQL test server that the "postgres" fixture
  # (tests/CMakeLists.txt) starts; the URL file is passed by environment. One value
  # per property: doctest flattens PROPERTIES into a list, so a second variable goes
  # through ENVIRONMENT_MODIFICATION rather than a ';'-separated ENVIRONMENT.
  doctest_discover_tests(${target}
    TEST_PREFIX "${TESTS_PREFIX}: "
    PROPERTIES ENVIRONMENT "AUTOGEN_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
               ENVIRONMENT_MODIFICATION "AUTOGEN_TEST_PG_URL_FILE=set:${AUTOGEN_TEST_PG_DIR}/url"
               FIXTURES_REQUIRED postgres
               FAIL_REGULAR_EXPRESSION "${runs_nothing}")
endfunction()

function(autogen_add_stage name)
  cmake_parse_arguments(STAGE "" "" "DEPS;PRIVATE_DEPS;TEST_DEPS;EXCLUDE" ${ARGN})
  set(dir ${PROJECT_SOURCE_DIR}/lib/${name})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  set(sources ${all_sources})
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  if(STAGE_EXCLUDE)
    list(REMOVE_ITEM sources ${STAGE_EXCLUDE})  # built by another target (DEPS links it)
  endif()
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
    autogen_add_test_binary(${name}_tests PREFIX ${name} SOURCES ${tests}
                            LIBS autogen_${name} ${STAGE_TEST_DEPS})
  endif()
endfunction()
