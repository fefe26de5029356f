# SPDX-License-Identifier: MIT
# loopfuse_generate(<target> SOURCES <file>... [OPTIONS <option>...])
#
# Replaces each <file> among the sources of <target> by a copy that
# loopfuse rewrites in the build tree
# (<binary dir>/loopfuse/<target>/<path of file>), made by a custom
# command that runs again when the file, a header it includes (listed
# in a depfile that loopfuse writes) or loopfuse itself changes.
# loopfuse parses <file> with <target>'s include directories, compile
# definitions and C standard; <option>s go to loopfuse as they are
# (e.g. --tile-size=32, --assume-no-alias, --openmp).  The copy is
# compiled with <file>'s directory as an include directory, so that its
# "..." includes find what the original found.
#
# Needs CMake 3.20 (DEPFILE with the Makefile generators).  The functions
# keep the policies set here (CMP0116: Ninja reads the depfile's paths
# as they are meant), whatever the calling project sets.
if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "loopfuse_generate needs CMake 3.20 or later")
endif()
cmake_policy(PUSH)
cmake_policy(VERSION 3.20)

function(_loopfuse_generate_one target src options out_var)
  get_filename_component(abs "${src}" ABSOLUTE
                         BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${abs}")
  if(rel MATCHES "^\\.\\./" OR IS_ABSOLUTE "${rel}")
    get_filename_component(rel "${abs}" NAME)
  endif()
  set(out "${CMAKE_CURRENT_BINARY_DIR}/loopfuse/${target}/${rel}")
  get_filename_component(out_dir "${out}" DIRECTORY)
  get_filename_component(src_dir "${abs}" DIRECTORY)
  file(MAKE_DIRECTORY "${out_dir}")
  set(incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(std "$<TARGET_PROPERTY:${target},C_STANDARD>")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND loopfuse::loopfuse ${options} "--depfile=${out}.d"
            -o "${out}" "${abs}" --
            "$<$<BOOL:${incs}>:-I$<JOIN:${incs},;-I>>"
            "$<$<BOOL:${defs}>:-D$<JOIN:${defs},;-D>>"
            "$<$<BOOL:${std}>:-std=c${std}>"
    DEPENDS "${abs}" loopfuse::loopfuse
    DEPFILE "${out}.d"
    COMMENT "loopfuse: rewriting ${rel} for ${target}"
    COMMAND_EXPAND_LISTS
    VERBATIM)
  set_source_files_properties("${out}" PROPERTIES
    GENERATED TRUE
    INCLUDE_DIRECTORIES "${src_dir}")
  set(${out_var} "${abs};${out}" PARENT_SCOPE)
endfunction()

function(loopfuse_generate target)
  cmake_parse_arguments(PARSE_ARGV 1 LF "" "" "SOURCES;OPTIONS")
  if(NOT TARGET ${target})
    message(FATAL_ERROR "loopfuse_generate: no target named '${target}'")
  endif()
  if(LF_UNPARSED_ARGUMENTS OR NOT LF_SOURCES)
    message(FATAL_ERROR "loopfuse_generate: usage: loopfuse_generate("
            "<target> SOURCES <file>... [OPTIONS <option>...])")
  endif()
  get_target_property(srcs ${target} SOURCES)
  get_target_property(target_dir ${target} SOURCE_DIR)
  foreach(src IN LISTS LF_SOURCES)
    _loopfuse_generate_one(${target} "${src}" "${LF_OPTIONS}" pair)
    list(GET pair 0 abs)
    list(GET pair 1 out)
    set(found FALSE)
    set(new_srcs "")
    foreach(s IN LISTS srcs)
      get_filename_component(s_abs "${s}" ABSOLUTE BASE_DIR "${target_dir}")
      if(s_abs STREQUAL abs)
        list(APPEND new_srcs "${out}")
        set(found TRUE)
      else()
        list(APPEND new_srcs "${s}")
      endif()
    endforeach()
    if(NOT found)
      message(FATAL_ERROR "loopfuse_generate: ${src} is not a source of "
              "target ${target}")
    endif()
    set(srcs "${new_srcs}")
  endforeach()
  set_property(TARGET ${target} PROPERTY SOURCES "${srcs}")
endfunction()
cmake_policy(POP)
