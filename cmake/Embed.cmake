# hearth_embed_file(OUT_VAR INPUT SYMBOL): generates a .cpp defining
#   std::string_view SYMBOL() returning the bytes of INPUT, and appends it to OUT_VAR.
# The data ships inside the binary, so `hearth` needs no data directory at run time.
function(hearth_embed_file out_var input symbol)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${symbol}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding ${input}")
  set(${out_var} ${${out_var}} ${out} PARENT_SCOPE)
endfunction()
