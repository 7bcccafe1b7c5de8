// The header from C++: it compiles with g++ -Wall -Wextra -Werror -pedantic,
// the functions link with C names, and the enums are usable as C++ values.
#include <cstdio>
#include <cstring>

#include "servicematch.h"

int main() {
    int passed = 0, failed = 0;
    auto check = [&](bool ok, const char *what) {
        (ok ? passed : failed)++;
        if (!ok) {
            std::fprintf(stderr, "check failed: %s\n", what);
        }
    };
    check(std::strcmp(sm_version(), SM_VERSION) == 0, "sm_version() == SM_VERSION");
    sm_query *query = sm_query_new();
    check(sm_query_set_limit(query, 5) == SM_OK, "sm_query_set_limit");
    check(sm_query_set_text(nullptr, "food", 4) == SM_NULL_ARGUMENT, "NULL query");
    char *json = nullptr;
    check(sm_query_to_json(query, &json, nullptr) == SM_OK, "sm_query_to_json");
    check(json != nullptr && std::strstr(json, "\"limit\":5") != nullptr, "the limit is in the JSON");
    sm_string_free(json);
    sm_query_free(query);
    sm_eligibility eligibility = SM_ELIGIBILITY_UNKNOWN;
    check(eligibility != SM_ELIGIBILITY_ELIGIBLE, "sm_eligibility values");
    std::printf("cpp: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
