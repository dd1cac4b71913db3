# Fails when the app's user-visible strings changed but translations/*.ts were not updated, or when a
# translation is missing. Runs lupdate (which rewrites the .ts files in place) and asks git what changed.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target natter_lupdate
                RESULT_VARIABLE lupdate_result OUTPUT_VARIABLE lupdate_output ERROR_VARIABLE lupdate_output)
if(NOT lupdate_result EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${lupdate_output}")
endif()
execute_process(COMMAND git diff --stat --exit-code -- translations
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE diff_result OUTPUT_VARIABLE diff_output)
if(NOT diff_result EQUAL 0)
    message(FATAL_ERROR "Strings changed: commit the updated translations/*.ts and translate them.\n${diff_output}")
endif()
file(GLOB ts_files ${SOURCE_DIR}/translations/*.ts)
foreach(ts IN LISTS ts_files)
    file(READ ${ts} content)
    string(FIND "${content}" "type=\"unfinished\"" unfinished)
    if(NOT unfinished EQUAL -1)
        message(FATAL_ERROR "${ts} has untranslated messages.")
    endif()
endforeach()
message(STATUS "translations are complete and up to date")
