# SPDX-License-Identifier: MIT
# libclang 19 (C API), isl, json-c and Check, as Debian 12 packages them.
find_package(PkgConfig REQUIRED)
# isl as scripts/build-isl.sh builds it (small-integer arithmetic, about
# twice as fast) if it is there, else Debian's.  The built one is used
# directly, not through pkg-config, whose results a build directory
# would keep from before it existed.
set(LOOPFUSE_ISL_PREFIX ${PROJECT_SOURCE_DIR}/.deps/isl CACHE PATH
    "isl installation to prefer over the system's")
add_library(lf_isl INTERFACE)
if(EXISTS ${LOOPFUSE_ISL_PREFIX}/lib/libisl.a)
  target_include_directories(lf_isl INTERFACE ${LOOPFUSE_ISL_PREFIX}/include)
  target_link_libraries(lf_isl INTERFACE ${LOOPFUSE_ISL_PREFIX}/lib/libisl.a)
  message(STATUS "isl: ${LOOPFUSE_ISL_PREFIX} (small integers)")
else()
  pkg_check_modules(ISL REQUIRED IMPORTED_TARGET isl)
  target_link_libraries(lf_isl INTERFACE PkgConfig::ISL)
  message(STATUS "isl: ${ISL_PREFIX} (GMP integers; scripts/build-isl.sh "
                 "builds a faster one)")
endif()
pkg_check_modules(JSONC REQUIRED IMPORTED_TARGET json-c)
pkg_check_modules(CHECK IMPORTED_TARGET check)

set(LLVM_ROOT_HINT /usr/lib/llvm-19 CACHE PATH "LLVM 19 installation prefix")
find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h
          HINTS ${LLVM_ROOT_HINT}/include NO_DEFAULT_PATH)
find_library(LIBCLANG_LIBRARY NAMES clang libclang
             HINTS ${LLVM_ROOT_HINT}/lib NO_DEFAULT_PATH)
if(NOT LIBCLANG_INCLUDE_DIR OR NOT LIBCLANG_LIBRARY)
  message(FATAL_ERROR "libclang 19 not found: run scripts/setup.sh")
endif()
add_library(libclang19 INTERFACE)
target_include_directories(libclang19 INTERFACE ${LIBCLANG_INCLUDE_DIR})
target_link_libraries(libclang19 INTERFACE ${LIBCLANG_LIBRARY})
