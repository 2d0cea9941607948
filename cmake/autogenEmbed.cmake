# autogen_embed_migrations(TARGET DIR) (SPEC §6): compiles the migrations folder DIR
# (its *.sql revision files and autogen.sum, byte for byte) into TARGET, whose
# autogen::migrate::embedded() then returns them; an application migrates itself at
# start-up with no migrations folder beside it:
#
#   autogen_embed_migrations(myapp migrations)
#   ... autogen::migrate::upgrade(url, autogen::migrate::embedded(), "head");
#
# The source is generated at build time (cmake -P autogen_embed_script.cmake) and again
# whenever a file of DIR changes; a file added or removed re-runs the configure step
# (CONFIGURE_DEPENDS), so the next build embeds the folder as it is then. TARGET must
# link autogen::migrate. Included by autogenConfig.cmake (and by autogen's own build).

function(autogen_embed_migrations target dir)
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "autogen_embed_migrations: there is no target named '${target}'; "
                        "call it after add_executable/add_library(${target} ...)")
  endif()
  get_filename_component(folder "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT IS_DIRECTORY "${folder}")
    message(FATAL_ERROR "autogen_embed_migrations(${target} ${dir}): ${folder} is not a folder; "
                        "give the migrations folder autogen writes the revision files to "
                        "([migrations] dir in autogen.toml)")
  endif()
  get_property(done TARGET "${target}" PROPERTY AUTOGEN_EMBEDDED_MIGRATIONS)
  if(done)
    message(FATAL_ERROR "autogen_embed_migrations(${target} ${dir}): ${target} already embeds "
                        "${done}; a program has one embedded() folder")
  endif()
  set_property(TARGET "${target}" PROPERTY AUTOGEN_EMBEDDED_MIGRATIONS "${dir}")
  file(GLOB files CONFIGURE_DEPENDS "${folder}/*.sql" "${folder}/autogen.sum")
  set(script "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/autogen_embed_script.cmake")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/autogen_embedded/${target}.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" "-DDIR=${folder}" "-DLABEL=${dir}" "-DOUT=${out}" -P "${script}"
    DEPENDS ${files} "${script}"
    COMMENT "Embedding the revision files of ${dir} into ${target}"
    VERBATIM)
  target_sources("${target}" PRIVATE "${out}")
endfunction()
