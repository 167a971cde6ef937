# Writes the bytes of INPUT as a hex array so that any content (quotes, UTF-8) is safe.
file(READ ${INPUT} hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUTPUT}
"// Generated from ${INPUT}; do not edit.\n#include <string_view>\nnamespace hearth::embedded {\nnamespace { constexpr char kData[] = {${bytes} 0}; }\nstd::string_view ${SYMBOL}() { return {kData, ${size}}; }\n}  // namespace hearth::embedded\n")
