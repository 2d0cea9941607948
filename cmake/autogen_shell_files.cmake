# Writes autogen(1) and the bash, zsh and fish completion scripts with the built CLI, from
# its own command table (CMakeLists.txt runs it at build time; docs/commands/completion.md).
# Usage: cmake -DAUTOGEN=path/to/autogen -DOUT=dir -P autogen_shell_files.cmake
# A failed run fails the build and leaves no stale file behind.
foreach(job "autogen.1;help;--man" "autogen.bash;completion;bash" "_autogen;completion;zsh"
            "autogen.fish;completion;fish")
  list(POP_FRONT job file)
  execute_process(COMMAND ${AUTOGEN} ${job} OUTPUT_FILE ${OUT}/${file}.tmp
                  RESULT_VARIABLE result ERROR_VARIABLE errors)
  if(NOT result EQUAL 0)
    file(REMOVE ${OUT}/${file}.tmp)
    message(FATAL_ERROR "autogen ${job} failed (${result}): ${errors}")
  endif()
  file(RENAME ${OUT}/${file}.tmp ${OUT}/${file})
endforeach()
