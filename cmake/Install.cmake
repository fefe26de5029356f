# SPDX-License-Identifier: MIT
# What `cmake --install` puts under the prefix: the binary, its man page,
# the CMake package (find_package(loopfuse) and loopfuse_generate) and a
# pkg-config file, and the license.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# libclang lives outside the linker's default path (/usr/lib/llvm-19/lib):
# the installed binary keeps the directories it was linked from.
set_target_properties(loopfuse PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
install(TARGETS loopfuse RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/loopfuse.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(LOOPFUSE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/loopfuse)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/loopfuseConfig.cmake.in
  ${PROJECT_BINARY_DIR}/loopfuseConfig.cmake
  INSTALL_DESTINATION ${LOOPFUSE_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/loopfuseConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/loopfuseConfig.cmake
              ${PROJECT_BINARY_DIR}/loopfuseConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/loopfuseGenerate.cmake
        DESTINATION ${LOOPFUSE_CMAKE_DIR})

# The prefix is where the .pc file lies, so that it holds wherever the
# tree is installed (--prefix, DESTDIR) or moved.
file(RELATIVE_PATH LOOPFUSE_PC_UP /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" LOOPFUSE_PC_UP "${LOOPFUSE_PC_UP}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/loopfuse.pc.in
               ${PROJECT_BINARY_DIR}/loopfuse.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/loopfuse.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
