# autogen_add_check(TARGET [TEST] [DIRECTORY dir] [CONFIG file] [NAME name] [ARGS arg...])
#
# Runs `autogen check --offline` on a project's models and migrations (docs/check.md):
# no database, no scratch database, only the models against the snapshot in
# migrations/autogen.sum and each revision file against its checksum. Exit 1 (drift)
# or 2 (a bad model or revision file) fails what runs it:
#
#   autogen_add_check(myapp)         building myapp runs the check first, so a model
#                                    edited without its revision fails the build;
#   autogen_add_check(myapp TEST)    a ctest test instead ("myapp.autogen_check", or NAME),
#                                    the build is left alone.
#
# DIRECTORY is where the check runs, so where autogen.toml is found (upwards from it);
# default: the calling CMakeLists.txt's folder. CONFIG passes -c FILE. ARGS are added
# to the check's command line (e.g. ARGS -v). The check keeps its own cache, so a build
# with nothing changed pays for a warm check (docs/performance.md), not a scan.
#
# The autogen used: autogen::autogen (the package's CLI after find_package(autogen), or
# the one autogen's own build makes), else AUTOGEN_EXECUTABLE / `autogen` on PATH.
# Included by autogenConfig.cmake (and by autogen's own build).

function(autogen_add_check target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "TEST" "DIRECTORY;CONFIG;NAME" "ARGS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "autogen_add_check(${target}): unknown argument(s) "
                        "'${arg_UNPARSED_ARGUMENTS}'; it takes TEST, DIRECTORY, CONFIG, NAME, ARGS")
  endif()
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "autogen_add_check: there is no target named '${target}'; "
                        "call it after add_executable/add_library(${target} ...)")
  endif()
  set(dir "${CMAKE_CURRENT_SOURCE_DIR}")
  if(arg_DIRECTORY)
    get_filename_component(dir "${arg_DIRECTORY}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  if(NOT IS_DIRECTORY "${dir}")
    message(FATAL_ERROR "autogen_add_check(${target}): DIRECTORY ${dir} is not a folder; "
                        "give the folder that holds autogen.toml (or one below it)")
  endif()

  if(TARGET autogen::autogen)
    set(exe "$<TARGET_FILE:autogen::autogen>")
  else()
    find_program(AUTOGEN_EXECUTABLE autogen)
    if(NOT AUTOGEN_EXECUTABLE)
      message(FATAL_ERROR "autogen_add_check(${target}): no autogen executable: "
                          "find_package(autogen) first, or set AUTOGEN_EXECUTABLE")
    endif()
    set(exe "${AUTOGEN_EXECUTABLE}")
  endif()

  set(command "${exe}")
  if(arg_CONFIG)
    get_filename_component(config "${arg_CONFIG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND command -c "${config}")
  endif()
  list(APPEND command check --offline ${arg_ARGS})

  if(arg_TEST)
    set(name "${target}.autogen_check")
    if(arg_NAME)
      set(name "${arg_NAME}")
    endif()
    add_test(NAME "${name}" COMMAND ${command} WORKING_DIRECTORY "${dir}")
  else()
    set(check_target "${target}_autogen_check")
    if(arg_NAME)
      set(check_target "${arg_NAME}")
    endif()
    # A custom target always runs: the check itself knows what changed (its cache).
    add_custom_target("${check_target}" COMMAND ${command} WORKING_DIRECTORY "${dir}"
                      COMMENT "autogen check --offline (${dir})" VERBATIM)
    add_dependencies("${target}" "${check_target}")
  endif()
endfunction()
