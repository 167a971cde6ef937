# The libFuzzer targets of fuzz/ (clang-only), built as an ExternalProject with clang++ and run
# briefly by CTest as tests fuzz.<target>. Each run starts from the seeds in fuzz/seeds/<target without _fuzz>
# and keeps what it learns in build/…/fuzz-corpus/<target>, so repeated runs go deeper.
include(ExternalProject)

set(HEARTH_FUZZ_SECONDS 15 CACHE STRING "Seconds each fuzz target runs in the tests")
find_program(HEARTH_CLANGXX NAMES clang++ clang++-14)
if(NOT HEARTH_CLANGXX)
  message(FATAL_ERROR "clang++ is needed for the fuzz targets: run scripts/install-deps.sh "
                      "(or configure with -DHEARTH_FUZZ=OFF)")
endif()

set(fuzz_bin ${CMAKE_BINARY_DIR}/fuzz)
ExternalProject_Add(hearth_fuzz
  SOURCE_DIR ${PROJECT_SOURCE_DIR}/fuzz
  BINARY_DIR ${fuzz_bin}
  CMAKE_ARGS -DCMAKE_CXX_COMPILER=${HEARTH_CLANGXX} -DCMAKE_BUILD_TYPE=Release
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON)

file(GLOB fuzz_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*_fuzz.cpp)
foreach(src ${fuzz_sources})
  get_filename_component(name ${src} NAME_WE)          # record_json_fuzz
  string(REGEX REPLACE "_fuzz$" "" seeds ${name})      # fuzz/seeds/record_json
  add_test(NAME fuzz.${name}
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/run-fuzz.sh ${fuzz_bin}/${name}
                   ${HEARTH_FUZZ_SECONDS} ${CMAKE_BINARY_DIR}/fuzz-corpus/${name}
                   ${PROJECT_SOURCE_DIR}/fuzz/seeds/${seeds})
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz)
endforeach()
