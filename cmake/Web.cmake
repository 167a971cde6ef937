# The web console (web/, issue 14): `npm ci` when the lock file changed, the type check, and
# `vite build` into ${CMAKE_BINARY_DIR}/web, which `hearth serve` finds beside its bin/
# (app/cli/environment.hpp, DefaultWebDir). Built by default: `make demo` and `make test` need
# no extra step. Its tests: Vitest (unit), the API types against the server's OpenAPI document
# (unit), and the browser flows in Chromium (browser).
set(HEARTH_WEB_DIR ${CMAKE_BINARY_DIR}/web)
file(GLOB_RECURSE hearth_web_sources CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/web/src/*)
list(APPEND hearth_web_sources
     ${PROJECT_SOURCE_DIR}/web/index.html ${PROJECT_SOURCE_DIR}/web/package.json
     ${PROJECT_SOURCE_DIR}/web/package-lock.json ${PROJECT_SOURCE_DIR}/web/vite.config.ts
     ${PROJECT_SOURCE_DIR}/web/tsconfig.json ${PROJECT_SOURCE_DIR}/web/public/favicon.svg)
add_custom_command(
  OUTPUT ${HEARTH_WEB_DIR}/index.html
  COMMAND ${PROJECT_SOURCE_DIR}/scripts/build-web.sh ${PROJECT_SOURCE_DIR}/web ${HEARTH_WEB_DIR}
  DEPENDS ${hearth_web_sources} ${PROJECT_SOURCE_DIR}/scripts/build-web.sh
  COMMENT "Building the web console (web/ -> ${HEARTH_WEB_DIR})"
  USES_TERMINAL)
add_custom_target(web ALL DEPENDS ${HEARTH_WEB_DIR}/index.html)

if(HEARTH_BUILD_TESTS)
  add_test(NAME web.vitest COMMAND npx vitest run --reporter=dot
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/web)
  add_test(NAME web.api_types_current
           COMMAND node scripts/gen-api.mjs --check
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/web)
  set_tests_properties(web.vitest web.api_types_current PROPERTIES LABELS unit)
  # The two longest tests, each busy on a core for some 20 minutes on two slow cores, run one
  # after the other (together, they starved each other and the server of the browser flows past
  # their timeouts), and from the start, with the rest of the suite beside them. CTest starts the
  # tests others wait for before the rest (every test of the postgres and mosquitto fixtures,
  # which their cleanup waits for), each group by COST (a clean clone has no timings yet): so the
  # web tests are made ones that web.api_types_current, a 5-second check, waits for.
  set_tests_properties(web.vitest PROPERTIES COST 2000 RESOURCE_LOCK web_cores)
  set_tests_properties(web.api_types_current PROPERTIES
                       ENVIRONMENT "HEARTH_BINARY=$<TARGET_FILE:hearth>"
                       DEPENDS "web.vitest;web.browser")
  add_test(NAME web.browser COMMAND node tests/browser/run.mjs
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/web)
  set_tests_properties(web.browser PROPERTIES LABELS "browser;e2e" TIMEOUT 2400 COST 1000 RESOURCE_LOCK web_cores
                       ENVIRONMENT "HEARTH_BINARY=$<TARGET_FILE:hearth>;HEARTH_WEB_DIR=${HEARTH_WEB_DIR};HEARTH_SCREENSHOTS_DIR=${CMAKE_BINARY_DIR}/screenshots")
endif()
