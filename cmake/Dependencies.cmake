# libclang 19 (C API), isl, json-c and Check, as Debian 12 packages them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(ISL REQUIRED IMPORTED_TARGET isl)
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
