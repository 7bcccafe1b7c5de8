/*
 * The C API as a C program uses it: open, search, every getter, JSON in and
 * out, and every way a caller can get it wrong (NULL pointers, invalid
 * UTF-8, damaged index files, impossible queries).
 *
 * Usage: api INDEX.smx TMP_DIR
 * INDEX.smx is built from core/testdata/ranking.json (tests/run.sh does it);
 * TMP_DIR receives damaged copies of it.
 */
#define _POSIX_C_SOURCE 200809L /* truncate(), for the file under the reader */
#include <math.h>
#include <stdbool.h>
#include <unistd.h>

#include "check.h"

static const char *index_path;
static const char *tmp_dir;

/* Outputs must be left untouched on failure: they start as these values. */
static char untouched_byte;
#define UNTOUCHED ((void *)&untouched_byte)
#define UNTOUCHED_LEN ((size_t)12345)

/* Checks a failed call: its status, and an sm_error with the same status
 * whose message contains `needle`. Frees the error. */
static void check_error(sm_status got, sm_status want, sm_error **err, const char *needle,
                        const char *what, const char *file, int line) {
    check_status(got, want, what, file, line);
    if (!check_that(*err != NULL, "the call made an sm_error", file, line)) {
        return;
    }
    const char *message = sm_error_message(*err);
    if (!check_that(strstr(message, needle) != NULL, "the error message names the fault",
                    file, line)) {
        fprintf(stderr, "  message: \"%s\"\n  expected it to contain \"%s\"\n", message, needle);
    }
    check_that(sm_error_status(*err) == want, "sm_error_status matches", file, line);
    sm_error_free(*err);
    *err = NULL;
}

#define CHECK_ERROR(call, want, needle) \
    check_error((call), (want), &err, (needle), #call, __FILE__, __LINE__)

static sm_query *query_from(const char *json) {
    sm_query *query = NULL;
    if (sm_query_from_json(json, strlen(json), &query, NULL) != SM_OK) {
        fprintf(stderr, "test query does not parse: %s\n", json);
        exit(2);
    }
    return query;
}

static sm_results *search(const sm_index *index, const sm_query *query) {
    sm_results *results = NULL;
    sm_error *err = NULL;
    if (sm_search(index, query, &results, &err) != SM_OK) {
        fprintf(stderr, "search failed: %s\n", sm_error_message(err));
        exit(2);
    }
    return results;
}

static void test_version(void) {
    CHECK(strcmp(sm_version(), SM_VERSION) == 0);
    char built[64];
    snprintf(built, sizeof built, "%d.%d.%d", SM_VERSION_MAJOR, SM_VERSION_MINOR,
             SM_VERSION_PATCH);
    CHECK(strcmp(built, SM_VERSION) == 0);
}

static void test_status_str(void) {
    for (unsigned s = SM_OK; s <= SM_NOT_FOUND; s++) {
        CHECK(strncmp(sm_status_str(s), "SM_", 3) == 0);
    }
    CHECK(strncmp(sm_status_str(SM_OK), "SM_OK: ", 7) == 0);
    CHECK(strncmp(sm_status_str(SM_UNKNOWN_PLACE), "SM_UNKNOWN_PLACE: ", 18) == 0);
    CHECK(strncmp(sm_status_str(SM_PANIC), "SM_PANIC: ", 10) == 0);
    CHECK(strncmp(sm_status_str(SM_NOT_FOUND), "SM_NOT_FOUND: ", 14) == 0);
    CHECK(SM_NOT_FOUND == 14);
    CHECK(strcmp(sm_status_str(9999), "unknown sm_status") == 0);
    CHECK(SM_OK == 0);
}

static void test_open(const unsigned char *bytes, size_t len) {
    sm_error *err = NULL;
    sm_index *index = NULL;

    CHECK_STATUS(sm_index_open(index_path, &index, &err), SM_OK);
    CHECK(index != NULL && err == NULL);
    const char *json = UNTOUCHED;
    size_t json_len = UNTOUCHED_LEN;
    CHECK_STATUS(sm_index_info_json(index, &json, &json_len), SM_OK);
    CHECK(str_contains(json, json_len, "\"services\":12"));
    CHECK(str_contains(json, json_len, "\"name\":\"ranking\""));
    CHECK(str_contains(json, json_len, "GeoNames"));
    const char *again = NULL;
    size_t again_len = 0;
    CHECK_STATUS(sm_index_info_json(index, &again, &again_len), SM_OK);
    CHECK(again == json && again_len == json_len);
    CHECK_STATUS(sm_index_verify(index, &err), SM_OK);
    sm_index_free(index);

    index = NULL;
    CHECK_STATUS(sm_index_open_len(index_path, strlen(index_path), &index, &err), SM_OK);
    CHECK(index != NULL);
    sm_index_free(index);

    index = NULL;
    CHECK_STATUS(sm_index_open_bytes(bytes, len, &index, &err), SM_OK);
    CHECK(index != NULL);
    sm_index_free(index);

    /* A missing file: SM_IO naming the path; the output untouched. */
    index = UNTOUCHED;
    CHECK_ERROR(sm_index_open("/nonexistent/dir/x.smx", &index, &err), SM_IO,
                "/nonexistent/dir/x.smx");
    /* The message carries the cause, which C cannot ask for separately. */
    CHECK_ERROR(sm_index_open("/nonexistent/dir/x.smx", &index, &err), SM_IO, "(os error 2)");
    CHECK(index == UNTOUCHED);

    /* Another kind of file: SM_NOT_AN_INDEX, the message starting with the path. */
    char path[4096];
    snprintf(path, sizeof path, "%s/foreign.smx", tmp_dir);
    write_file(path, (const unsigned char *)"hello, this is not an index", 27);
    CHECK_ERROR(sm_index_open(path, &index, &err), SM_NOT_AN_INDEX, path);
    CHECK(index == UNTOUCHED);
    CHECK_ERROR(sm_index_open_bytes(bytes, 0, &index, &err), SM_NOT_AN_INDEX, "");
    CHECK(index == UNTOUCHED);
}

static void test_damaged_files(const unsigned char *bytes, size_t len) {
    sm_error *err = NULL;
    sm_index *index = UNTOUCHED;
    unsigned char *copy = malloc(len);
    if (copy == NULL) {
        exit(2);
    }

    /* Truncated on disk (memory-mapped) and in memory, at every length class. */
    char path[4096];
    snprintf(path, sizeof path, "%s/truncated.smx", tmp_dir);
    write_file(path, bytes, len / 2);
    CHECK_ERROR(sm_index_open(path, &index, &err), SM_CORRUPT_INDEX, path);
    CHECK(index == UNTOUCHED);
    size_t lengths[] = {9, 31, 32, 100, len / 2, len - 1};
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        CHECK_ERROR(sm_index_open_bytes(bytes, lengths[i], &index, &err), SM_CORRUPT_INDEX,
                    "");
        CHECK(index == UNTOUCHED);
    }

    /* A newer format version and a foreign magic number. */
    memcpy(copy, bytes, len);
    copy[8] = 99, copy[9] = 0, copy[10] = 0, copy[11] = 0;
    CHECK_ERROR(sm_index_open_bytes(copy, len, &index, &err), SM_UNSUPPORTED_VERSION, "99");
    memcpy(copy, bytes, len);
    copy[0] ^= 0x5A;
    CHECK_ERROR(sm_index_open_bytes(copy, len, &index, &err), SM_NOT_AN_INDEX, "");
    CHECK(index == UNTOUCHED);

    /* One flipped byte at many places: opening fails, or verifying does;
     * searching a damaged index that opened never crashes or panics. */
    sm_query *query = query_from("{\"text\": \"food\", \"near\": \"P3E 2C6\", \"limit\": 50}");
    size_t step = len / 97 > 0 ? len / 97 : 1;
    int opened = 0, caught_at_open = 0;
    for (size_t at = 0; at < len; at += step) {
        memcpy(copy, bytes, len);
        copy[at] ^= 0x5A;
        sm_index *damaged = NULL;
        sm_status status = sm_index_open_bytes(copy, len, &damaged, NULL);
        if (status != SM_OK) {
            caught_at_open++;
            CHECK(status == SM_CORRUPT_INDEX || status == SM_NOT_AN_INDEX ||
                  status == SM_UNSUPPORTED_VERSION);
            continue;
        }
        opened++;
        sm_results *results = NULL;
        status = sm_search(damaged, query, &results, NULL);
        CHECK(status != SM_PANIC);
        sm_results_free(results);
        if (at >= 32 + 7 * 40) {
            /* Past the header and the first 7 entries of the section table
               (every index has more), every byte is checksummed: the table
               at open, each section by sm_index_verify. */
            if (!CHECK(sm_index_verify(damaged, NULL) == SM_CORRUPT_INDEX)) {
                fprintf(stderr, "  flip at byte %zu not detected\n", at);
            }
        }
        sm_index_free(damaged);
    }
    CHECK(opened + caught_at_open > 90);

    /* A damaged file on disk, read through the memory map. */
    memcpy(copy, bytes, len);
    copy[len / 2] ^= 0x5A;
    snprintf(path, sizeof path, "%s/corrupted.smx", tmp_dir);
    write_file(path, copy, len);
    sm_index *damaged = NULL;
    sm_status status = sm_index_open(path, &damaged, &err);
    if (status == SM_OK) {
        CHECK_ERROR(sm_index_verify(damaged, &err), SM_CORRUPT_INDEX, "section");
        sm_index_free(damaged);
    } else {
        CHECK_ERROR(status, SM_CORRUPT_INDEX, path);
    }

    sm_query_free(query);
    free(copy);
}

static void test_getters(const sm_index *index) {
    /* Ranking a 211 line would notice: French speakers first when asked. */
    sm_query *query = sm_query_new();
    CHECK(query != NULL);
    CHECK_STATUS(sm_query_set_text(query, LIT("aide alimentaire")), SM_OK);
    CHECK_STATUS(sm_query_set_near_text(query, LIT("P3E 2C6")), SM_OK);
    CHECK_STATUS(sm_query_add_language(query, LIT("fr")), SM_OK);
    sm_results *results = search(index, query);
    const char *ptr = NULL;
    size_t len = 0;
    CHECK(sm_results_len(results) >= 1);
    CHECK_STATUS(sm_results_id(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "s02"));
    sm_results_free(results);
    sm_query_free(query);

    /* Every getter on one explained hit. */
    query = sm_query_new();
    CHECK_STATUS(sm_query_set_text(query, LIT("meals")), SM_OK);
    CHECK_STATUS(sm_query_set_near_text(query, LIT("P3E 2C6")), SM_OK);
    CHECK_STATUS(sm_query_add_language(query, LIT("fr")), SM_OK);
    CHECK_STATUS(sm_query_set_client_age(query, 72), SM_OK);
    CHECK_STATUS(sm_query_set_explain(query, true), SM_OK);
    results = search(index, query);
    CHECK(sm_results_len(results) >= 1);
    CHECK(sm_results_total(results) >= sm_results_len(results));

    CHECK_STATUS(sm_results_id(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "s04"));
    CHECK_STATUS(sm_results_name(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "Seniors Meals on Wheels"));
    CHECK_STATUS(sm_results_organization(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "Test Org"));
    CHECK_STATUS(sm_results_address(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "1 Main St, Sudbury, ON"));
    CHECK_STATUS(sm_results_postal_code(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "P3E 2C6"));
    double lat = 0, lon = 0;
    CHECK_STATUS(sm_results_location(results, 0, &lat, &lon), SM_OK);
    CHECK(fabs(lat - 46.5) < 1e-9 && fabs(lon - -80.98) < 1e-9);

    float score = 0;
    CHECK_STATUS(sm_results_score(results, 0, &score), SM_OK);
    CHECK(score > 0);
    double km = -1;
    CHECK_STATUS(sm_results_distance_km(results, 0, &km), SM_OK);
    CHECK(km > 0 && km < 100);
    sm_eligibility eligibility = SM_ELIGIBILITY_INELIGIBLE;
    CHECK_STATUS(sm_results_eligibility(results, 0, &eligibility), SM_OK);
    CHECK(eligibility == SM_ELIGIBILITY_ELIGIBLE);
    /* The fixture gives no hours: the open state is unknown. */
    bool open_now = true;
    CHECK_STATUS(sm_results_open_now(results, 0, &open_now), SM_NO_VALUE);
    CHECK(open_now == true);
    /* Every answer carries the directory's help line. */
    CHECK_STATUS(sm_results_help_line(results, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "211"));

    size_t count = 0;
    CHECK_STATUS(sm_results_language_count(results, 0, &count), SM_OK);
    CHECK(count == 2);
    CHECK_STATUS(sm_results_language(results, 0, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "en"));
    CHECK_STATUS(sm_results_language(results, 0, 1, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "fr"));
    CHECK_STATUS(sm_results_category_count(results, 0, &count), SM_OK);
    CHECK(count == 1);
    CHECK_STATUS(sm_results_category(results, 0, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "Food Pantry"));
    CHECK_STATUS(sm_results_phone_count(results, 0, &count), SM_OK);
    CHECK(count == 1);
    CHECK_STATUS(sm_results_phone(results, 0, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "705-555-0104"));
    const char *url = UNTOUCHED;
    size_t url_len = UNTOUCHED_LEN;
    CHECK_STATUS(sm_results_url(results, 0, &url, &url_len), SM_NO_VALUE);
    CHECK(url == UNTOUCHED && url_len == UNTOUCHED_LEN);

    CHECK_STATUS(sm_results_explanation(results, 0, &ptr, &len), SM_OK);
    CHECK(str_contains(ptr, len, "speaks French"));
    CHECK(str_contains(ptr, len, "for seniors 65+"));
    CHECK_STATUS(sm_results_access(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "Call to register · bring: Health card"));
    float text = 0, distance = 0, language = 0, fit = 0;
    CHECK_STATUS(sm_results_factor_text(results, 0, &text), SM_OK);
    CHECK_STATUS(sm_results_factor_distance(results, 0, &distance), SM_OK);
    CHECK_STATUS(sm_results_factor_language(results, 0, &language), SM_OK);
    CHECK_STATUS(sm_results_factor_eligibility(results, 0, &fit), SM_OK);
    CHECK(fabsf(text * distance * language * fit - score) < 1e-4f);
    CHECK(distance > 0 && distance <= 1 && language == 1.0f && fit == 1.0f);

    /* Positions past the end: SM_OUT_OF_RANGE, outputs untouched. */
    size_t n = sm_results_len(results);
    ptr = UNTOUCHED;
    len = UNTOUCHED_LEN;
    CHECK_STATUS(sm_results_id(results, n, &ptr, &len), SM_OUT_OF_RANGE);
    CHECK_STATUS(sm_results_name(results, (size_t)-1, &ptr, &len), SM_OUT_OF_RANGE);
    CHECK_STATUS(sm_results_language(results, 0, 2, &ptr, &len), SM_OUT_OF_RANGE);
    CHECK_STATUS(sm_results_phone(results, 0, 1, &ptr, &len), SM_OUT_OF_RANGE);
    CHECK_STATUS(sm_results_category(results, n, 0, &ptr, &len), SM_OUT_OF_RANGE);
    CHECK(ptr == UNTOUCHED && len == UNTOUCHED_LEN);
    score = -1;
    CHECK_STATUS(sm_results_score(results, n, &score), SM_OUT_OF_RANGE);
    CHECK(score == -1);
    sm_results_free(results);
    sm_query_free(query);

    /* Values a hit does not have: SM_NO_VALUE, outputs untouched. */
    query = query_from("{\"text\": \"food\", \"limit\": 50}");
    results = search(index, query);
    CHECK(sm_results_len(results) > 1);
    km = -1;
    CHECK_STATUS(sm_results_distance_km(results, 0, &km), SM_NO_VALUE);
    CHECK(km == -1);
    eligibility = SM_ELIGIBILITY_INELIGIBLE;
    CHECK_STATUS(sm_results_eligibility(results, 0, &eligibility), SM_NO_VALUE);
    CHECK(eligibility == SM_ELIGIBILITY_INELIGIBLE);
    ptr = UNTOUCHED;
    len = UNTOUCHED_LEN;
    CHECK_STATUS(sm_results_explanation(results, 0, &ptr, &len), SM_NO_VALUE);
    CHECK(ptr == UNTOUCHED && len == UNTOUCHED_LEN);
    CHECK_STATUS(sm_results_access(results, 0, &ptr, &len), SM_NO_VALUE);
    CHECK(ptr == UNTOUCHED && len == UNTOUCHED_LEN);
    text = -1;
    CHECK_STATUS(sm_results_factor_text(results, 0, &text), SM_NO_VALUE);
    CHECK_STATUS(sm_results_factor_language(results, 0, &text), SM_NO_VALUE);
    CHECK(text == -1);
    sm_results_free(results);
    sm_query_free(query);

    /* Unknown eligibility stays in the results, marked as such. */
    query = query_from("{\"text\": \"food\", \"client\": {\"age\": 72}, \"limit\": 50}");
    results = search(index, query);
    int found = 0;
    for (size_t i = 0; i < sm_results_len(results); i++) {
        CHECK_STATUS(sm_results_id(results, i, &ptr, &len), SM_OK);
        if (str_eq(ptr, len, "s01")) {
            found = 1;
            CHECK_STATUS(sm_results_eligibility(results, i, &eligibility), SM_OK);
            CHECK(eligibility == SM_ELIGIBILITY_UNKNOWN);
        }
    }
    CHECK(found);
    sm_results_free(results);
    sm_query_free(query);

    /* Every other setter, with values the engine accepts. */
    query = sm_query_new();
    CHECK_STATUS(sm_query_set_near_point(query, 43.6, -79.4), SM_OK);
    CHECK_STATUS(sm_query_set_radius_km(query, 500), SM_OK);
    CHECK_STATUS(sm_query_set_client_gender(query, LIT("woman")), SM_OK);
    CHECK_STATUS(sm_query_add_language(query, LIT("English")), SM_OK);
    CHECK_STATUS(sm_query_set_require_language(query, true), SM_OK);
    CHECK_STATUS(sm_query_add_category(query, LIT("Food")), SM_OK);
    CHECK_STATUS(sm_query_set_free_only(query, false), SM_OK);
    CHECK_STATUS(sm_query_set_wheelchair(query, false), SM_OK);
    CHECK_STATUS(sm_query_set_open_now(query, false), SM_OK);
    CHECK_STATUS(sm_query_set_serves_here(query, true), SM_OK);
    CHECK_STATUS(sm_query_set_limit(query, 3), SM_OK);
    CHECK_STATUS(sm_query_set_offset(query, 1), SM_OK);
    results = search(index, query);
    CHECK(sm_results_len(results) <= 3);
    CHECK(sm_results_total(results) >= sm_results_len(results));
    sm_results_free(results);
    sm_query_free(query);

    query = query_from("{\"free_only\": true, \"limit\": 50}");
    results = search(index, query);
    CHECK(sm_results_len(results) == 3 && sm_results_total(results) == 3);
    CHECK(sm_results_total_exact(results));
    sm_results_free(results);
    sm_query_free(query);
    query = sm_query_new();
    CHECK_STATUS(sm_query_set_wheelchair(query, true), SM_OK);
    results = search(index, query);
    CHECK(sm_results_len(results) == 1);
    CHECK_STATUS(sm_results_id(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "s12"));
    sm_results_free(results);
    sm_query_free(query);

    /* Open at a time: services whose hours are unknown stay, ranked with
       the open-hours factor, unless only known hours are asked for. */
    query = sm_query_new();
    CHECK_STATUS(sm_query_set_text(query, LIT("food")), SM_OK);
    CHECK_STATUS(sm_query_set_open_at(query, LIT("2026-11-25T10:30:00-05:00")), SM_OK);
    CHECK_STATUS(sm_query_set_explain(query, true), SM_OK);
    results = search(index, query);
    CHECK(sm_results_len(results) > 0);
    float open_factor = 0;
    CHECK_STATUS(sm_results_factor_open(results, 0, &open_factor), SM_OK);
    CHECK(open_factor > 0 && open_factor < 1);
    CHECK_STATUS(sm_results_explanation(results, 0, &ptr, &len), SM_OK);
    CHECK(len >= 13 && memcmp(ptr, "hours unknown", 13) == 0);
    sm_results_free(results);
    CHECK_STATUS(sm_query_set_hours_known(query, true), SM_OK);
    results = search(index, query);
    /* None is known to be open; those with unknown hours follow, marked. */
    CHECK(sm_results_total(results) == 0 && sm_results_len(results) > 0);
    CHECK_STATUS(sm_results_relaxed(results, 0, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "hours unknown"));
    CHECK_STATUS(sm_results_help_line(results, &ptr, &len), SM_OK);
    CHECK(str_eq(ptr, len, "211"));
    sm_results_free(results);
    sm_query_free(query);

    /* An empty string is a valid argument (a non-NULL pointer, length 0). */
    query = sm_query_new();
    CHECK_STATUS(sm_query_set_text(query, "", 0), SM_OK);
    results = search(index, query);
    CHECK(sm_results_len(results) == 10);
    sm_results_free(results);
    sm_query_free(query);
}

static void test_results_outlive_index_and_query(const unsigned char *bytes, size_t len) {
    sm_index *index = NULL;
    CHECK_STATUS(sm_index_open_bytes(bytes, len, &index, NULL), SM_OK);
    sm_query *query = query_from("{\"text\": \"shelter\", \"client\": {\"gender\": \"woman\"}}");
    sm_results *results = search(index, query);
    sm_query_free(query);
    sm_index_free(index);
    const char *ptr = NULL;
    size_t n = 0;
    CHECK_STATUS(sm_results_id(results, 0, &ptr, &n), SM_OK);
    CHECK(str_eq(ptr, n, "s06"));
    CHECK_STATUS(sm_results_to_json(results, &ptr, &n), SM_OK);
    CHECK(str_contains(ptr, n, "\"id\":\"s06\""));
    sm_results_free(results);
}

static void test_json(const sm_index *index) {
    sm_error *err = NULL;

    /* A typed query to JSON and back searches the same. */
    sm_query *typed = sm_query_new();
    sm_query_set_text(typed, LIT("food"));
    sm_query_set_near_text(typed, LIT("P3E 2C6"));
    sm_query_add_language(typed, LIT("fr"));
    sm_query_set_client_age(typed, 30);
    sm_query_set_limit(typed, 50);
    sm_query_set_explain(typed, true);
    char *json = UNTOUCHED;
    CHECK_STATUS(sm_query_to_json(typed, &json, &err), SM_OK);
    CHECK(strstr(json, "\"text\":\"food\"") != NULL);
    CHECK(strstr(json, "\"near\":\"P3E 2C6\"") != NULL);
    CHECK(strstr(json, "\"age\":30") != NULL);
    sm_query *parsed = NULL;
    CHECK_STATUS(sm_query_from_json(json, strlen(json), &parsed, &err), SM_OK);
    char *json_again = NULL;
    CHECK_STATUS(sm_query_to_json(parsed, &json_again, &err), SM_OK);
    CHECK(strcmp(json, json_again) == 0);

    sm_results *from_typed = search(index, typed);
    sm_results *from_parsed = search(index, parsed);
    const char *a = NULL, *b = NULL;
    size_t a_len = 0, b_len = 0;
    CHECK_STATUS(sm_results_to_json(from_typed, &a, &a_len), SM_OK);
    CHECK_STATUS(sm_results_to_json(from_parsed, &b, &b_len), SM_OK);
    CHECK(a_len == b_len && memcmp(a, b, a_len) == 0);
    CHECK(str_contains(a, a_len, "\"hits\":[{\"id\":\""));

    /* JSON in, JSON out: the same results as the typed path. */
    char *results_json = UNTOUCHED;
    CHECK_STATUS(sm_search_json(index, json, strlen(json), &results_json, &err), SM_OK);
    CHECK(strlen(results_json) == a_len && memcmp(results_json, a, a_len) == 0);
    sm_string_free(results_json);

    /* Bad JSON: SM_INVALID_QUERY naming the fault; outputs untouched. */
    results_json = UNTOUCHED;
    CHECK_ERROR(sm_search_json(index, LIT("{\"text\": "), &results_json, &err),
                SM_INVALID_QUERY, "query: ");
    CHECK_ERROR(sm_search_json(index, LIT("{\"limit\": 0}"), &results_json, &err),
                SM_INVALID_QUERY, "limit 0");
    CHECK_ERROR(sm_search_json(index, LIT("{\"near\": \"X9X 9X9\"}"), &results_json, &err),
                SM_UNKNOWN_PLACE, "X9X 9X9");
    CHECK(results_json == UNTOUCHED);
    sm_query *none = UNTOUCHED;
    CHECK_ERROR(sm_query_from_json(LIT("{\"txt\": \"food\"}"), &none, &err), SM_INVALID_QUERY,
                "txt");
    CHECK_ERROR(sm_query_from_json(LIT("{\"client\": {\"age\": 200}}"), &none, &err),
                SM_INVALID_QUERY, "client.age 200");
    CHECK(none == UNTOUCHED);

    sm_results_free(from_typed);
    sm_results_free(from_parsed);
    sm_string_free(json);
    sm_string_free(json_again);
    sm_query_free(typed);
    sm_query_free(parsed);
}

/* The file under the reader: an index opened with sm_index_open_bytes is a
 * copy in memory, so the file it was read from may be rewritten in place by
 * another index and then truncated (what would raise SIGBUS under a mapped
 * sm_index_open) while the index keeps searching with identical results. */
static void test_file_replaced_under_open_bytes(const unsigned char *bytes, size_t len) {
    static const char *const queries[] = {
        "{\"text\": \"food\", \"near\": \"P3E 2C6\", \"languages\": [\"fr\"], \"explain\": true}",
        "{\"near\": {\"lat\": 43.6, \"lon\": -79.4}, \"radius_km\": 500, \"limit\": 20}",
        "{\"categories\": [\"Food\"], \"client\": {\"age\": 70}, \"limit\": 50}",
    };
    enum { N = sizeof queries / sizeof queries[0] };
    char path[4096];
    snprintf(path, sizeof path, "%s/replaced.smx", tmp_dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL && fwrite(bytes, 1, len, f) == len);
    if (f != NULL) {
        fclose(f);
    }
    size_t file_len = 0;
    unsigned char *file = read_file(path, &file_len);
    sm_index *index = NULL;
    CHECK_STATUS(sm_index_open_bytes(file, file_len, &index, NULL), SM_OK);
    free(file); /* the index holds its own copy */
    if (index == NULL) {
        return;
    }
    char *before[N];
    for (size_t q = 0; q < N; q++) {
        before[q] = NULL;
        CHECK_STATUS(sm_search_json(index, queries[q], strlen(queries[q]), &before[q], NULL),
                     SM_OK);
    }

    /* Rewritten in place (same inode: "r+b", no rename) with other bytes,
     * then truncated to a few bytes. */
    f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (f != NULL) {
        unsigned char *other = malloc(len);
        CHECK(other != NULL);
        if (other != NULL) {
            for (size_t i = 0; i < len; i++) {
                other[i] = (unsigned char)(bytes[len - 1 - i] ^ 0xA5);
            }
            CHECK(fwrite(other, 1, len, f) == len);
            free(other);
        }
        fclose(f);
    }
    CHECK(truncate(path, 100) == 0);

    for (int round = 0; round < 3; round++) {
        for (size_t q = 0; q < N; q++) {
            char *after = NULL;
            CHECK_STATUS(sm_search_json(index, queries[q], strlen(queries[q]), &after, NULL),
                         SM_OK);
            CHECK(before[q] != NULL && after != NULL && strcmp(before[q], after) == 0);
            sm_string_free(after);
        }
    }
    CHECK_STATUS(sm_index_verify(index, NULL), SM_OK);
    for (size_t q = 0; q < N; q++) {
        sm_string_free(before[q]);
    }
    sm_index_free(index);
}

/* A service's full record by its id: the id a search gives finds the
 * service it names; an unknown id is SM_NOT_FOUND, never an empty record. */
static void test_service_json(void) {
    sm_error *err = NULL;
    sm_index *index = NULL;
    if (sm_index_open(index_path, &index, &err) != SM_OK) {
        fprintf(stderr, "cannot open %s: %s\n", index_path, sm_error_message(err));
        exit(2);
    }

    char *json = UNTOUCHED;
    CHECK_STATUS(sm_index_service_json(index, LIT("s01"), &json, &err), SM_OK);
    CHECK(json != UNTOUCHED && err == NULL);
    CHECK(strncmp(json, "{\"id\":\"s01\",\"name\":\"Sudbury Food Bank\",", 39) == 0);
    CHECK(strstr(json, "\"description\":\"Emergency food hampers for families in need.\"") != NULL);
    CHECK(strstr(json, "\"organization\":{\"id\":\"org-s01\",\"name\":\"Test Org\"") != NULL);
    CHECK(strstr(json, "\"number\":\"705-555-0101\"") != NULL);
    CHECK(strstr(json, "\"postal_code\":\"P3E 2C6\"") != NULL);
    CHECK(strstr(json, "\"lat\":46.49,\"lon\":-80.99") != NULL);
    CHECK(strstr(json, "\"cost\":\"free\"") != NULL);
    sm_string_free(json);

    /* The id of each hit gives that hit's record; the string is the
     * caller's, valid after the results and the index are freed. */
    sm_query *query = query_from("{\"text\": \"food\", \"limit\": 3}");
    sm_results *results = search(index, query);
    CHECK(sm_results_len(results) == 3);
    char *records[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < sm_results_len(results) && i < 3; i++) {
        const char *id = NULL, *name = NULL;
        size_t id_len = 0, name_len = 0;
        CHECK_STATUS(sm_results_id(results, i, &id, &id_len), SM_OK);
        CHECK_STATUS(sm_results_name(results, i, &name, &name_len), SM_OK);
        CHECK_STATUS(sm_index_service_json(index, id, id_len, &records[i], &err), SM_OK);
        char want[256];
        snprintf(want, sizeof want, "{\"id\":\"%.*s\",\"name\":\"%.*s\",", (int)id_len, id,
                 (int)name_len, name);
        if (!CHECK(records[i] != NULL && strncmp(records[i], want, strlen(want)) == 0)) {
            fprintf(stderr, "  record: %s\n  expected it to start with %s\n", records[i], want);
        }
    }
    CHECK(records[0] != NULL && strncmp(records[0], "{\"id\":\"s08\",", 12) == 0);
    sm_results_free(results);
    sm_query_free(query);

    /* The length, not a NUL, ends the id. */
    json = NULL;
    CHECK_STATUS(sm_index_service_json(index, "s02 and more", 3, &json, &err), SM_OK);
    CHECK(json != NULL && strncmp(json, "{\"id\":\"s02\",", 12) == 0);
    sm_string_free(json);

    /* Unknown ids: SM_NOT_FOUND naming the id, the output untouched. Ids
     * are compared exactly. */
    json = UNTOUCHED;
    CHECK_ERROR(sm_index_service_json(index, LIT("s99"), &json, &err), SM_NOT_FOUND,
                "no service with id \"s99\"");
    CHECK_ERROR(sm_index_service_json(index, LIT("S01"), &json, &err), SM_NOT_FOUND, "\"S01\"");
    CHECK_ERROR(sm_index_service_json(index, LIT("s0"), &json, &err), SM_NOT_FOUND, "\"s0\"");
    CHECK_ERROR(sm_index_service_json(index, LIT(" s01"), &json, &err), SM_NOT_FOUND,
                "\" s01\"");
    CHECK_ERROR(sm_index_service_json(index, LIT(""), &json, &err), SM_NOT_FOUND, "\"\"");
    CHECK_STATUS(sm_index_service_json(index, LIT("s99"), &json, NULL), SM_NOT_FOUND);
    CHECK(json == UNTOUCHED);

    /* Bad arguments. */
    CHECK_ERROR(sm_index_service_json(NULL, LIT("s01"), &json, &err), SM_NULL_ARGUMENT,
                "index is NULL");
    CHECK_ERROR(sm_index_service_json(index, NULL, 3, &json, &err), SM_NULL_ARGUMENT,
                "id is NULL");
    CHECK_ERROR(sm_index_service_json(index, NULL, 0, &json, &err), SM_NULL_ARGUMENT,
                "id is NULL");
    CHECK_ERROR(sm_index_service_json(index, LIT("s01"), NULL, &err), SM_NULL_ARGUMENT,
                "out is NULL");
    CHECK_ERROR(sm_index_service_json(index, LIT("s0\xff"), &json, &err), SM_INVALID_UTF8,
                "id is not valid UTF-8 at byte 2");
    CHECK(json == UNTOUCHED);

    sm_index_free(index);
    for (size_t i = 0; i < 3; i++) {
        CHECK(records[i] == NULL || strstr(records[i], "\"locations\":[") != NULL);
        sm_string_free(records[i]);
    }
}

/* Writes `text` to TMP_DIR/name (for run.sh's FHIR validator). */
static void write_output(const char *name, const char *text) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
    FILE *file = fopen(path, "wb");
    if (file == NULL || fputs(text, file) < 0 || fclose(file) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
}

/* FHIR R4 out: a search's bundle holds one HealthcareService per hit, in
 * order; a service by id is a collection of one; an unknown id is an error. run.sh validates the written bundles. */
static void test_fhir(const sm_index *index) {
    sm_error *err = NULL;
    sm_query *query = query_from("{\"text\": \"food\", \"near\": \"P3E 2C6\", \"limit\": 3}");
    sm_results *results = search(index, query);
    char *json = UNTOUCHED;
    CHECK_STATUS(sm_results_to_fhir_json(index, results, &json, &err), SM_OK);
    CHECK(json != UNTOUCHED && err == NULL);
    CHECK(strstr(json, "\"resourceType\":\"Bundle\"") != NULL);
    CHECK(strstr(json, "\"type\":\"searchset\"") != NULL);
    /* Entries in the hits' order, each naming its hit's id. */
    const char *at = json;
    for (size_t i = 0; i < sm_results_len(results); i++) {
        const char *id = NULL;
        size_t id_len = 0;
        CHECK_STATUS(sm_results_id(results, i, &id, &id_len), SM_OK);
        char want[256];
        snprintf(want, sizeof want,
                 "\"system\":\"urn:servicematch:hsds:service\",\"use\":\"official\","
                 "\"value\":\"%.*s\"",
                 (int)id_len, id);
        const char *found = strstr(at, want);
        if (!CHECK(found != NULL)) {
            fprintf(stderr, "  no %s after offset %ld in %s\n", want, (long)(at - json), json);
        } else {
            at = found;
        }
    }
    write_output("fhir-c-search.json", json);
    sm_string_free(json);

    json = UNTOUCHED;
    CHECK_STATUS(sm_index_service_fhir_json(index, LIT("s01"), &json, &err), SM_OK);
    CHECK(json != UNTOUCHED && strstr(json, "\"type\":\"collection\"") != NULL);
    CHECK(strstr(json, "\"name\":\"Sudbury Food Bank\"") != NULL);
    write_output("fhir-c-service.json", json);
    sm_string_free(json);

    json = UNTOUCHED;
    CHECK_ERROR(sm_index_service_fhir_json(index, LIT("s99"), &json, &err), SM_NOT_FOUND,
                "no service with id \"s99\"");
    CHECK_ERROR(sm_results_to_fhir_json(NULL, results, &json, &err), SM_NULL_ARGUMENT,
                "index is NULL");
    CHECK_ERROR(sm_results_to_fhir_json(index, NULL, &json, &err), SM_NULL_ARGUMENT,
                "results is NULL");
    CHECK_ERROR(sm_results_to_fhir_json(index, results, NULL, &err), SM_NULL_ARGUMENT,
                "out is NULL");
    CHECK(json == UNTOUCHED);
    sm_results_free(results);
    sm_query_free(query);
}

/* The referral handout: text and HTML, English and French, the services in
 * the order added; unknown ids, languages and formats are errors. */
static void test_handout(const sm_index *index) {
    sm_error *err = NULL;
    sm_handout *handout = sm_handout_new();
    CHECK(handout != NULL);
    CHECK_STATUS(sm_handout_add_service(handout, LIT("s02")), SM_OK);
    CHECK_STATUS(sm_handout_add_service(handout, LIT("s01")), SM_OK);

    char *page = UNTOUCHED;
    CHECK_STATUS(sm_handout_render(index, handout, SM_HANDOUT_FORMAT_TEXT, &page, &err), SM_OK);
    CHECK(page != UNTOUCHED && strncmp(page, "Your referral\n", 14) == 0);
    const char *second = strstr(page, "2. Sudbury Food Bank\n");
    CHECK(second != NULL && strstr(page, "1. ") < second);
    CHECK(strstr(page, "Phone: 705-555-0101") != NULL);
    CHECK(strstr(page, "Call or text 211") != NULL);
    sm_string_free(page);

    CHECK_STATUS(sm_handout_set_language(handout, LIT("fr-CA")), SM_OK);
    CHECK_STATUS(sm_handout_set_help_line(handout, LIT("Composez le 2-1-1.")), SM_OK);
    page = UNTOUCHED;
    CHECK_STATUS(sm_handout_render(index, handout, SM_HANDOUT_FORMAT_HTML, &page, &err), SM_OK);
    CHECK(page != UNTOUCHED && strncmp(page, "<!doctype html>\n<html lang=\"fr\">", 32) == 0);
    CHECK(strstr(page, "<h1>Votre r\xc3\xa9" "f\xc3\xa9rence</h1>") != NULL);
    CHECK(strstr(page, "Composez le 2-1-1.") != NULL);
    CHECK(strstr(page, "@media print") != NULL);
    sm_string_free(page);

    page = UNTOUCHED;
    CHECK_STATUS(sm_handout_set_language(handout, LIT("es")), SM_INVALID_ARGUMENT);
    CHECK_ERROR(sm_handout_render(index, handout, 7, &page, &err), SM_INVALID_ARGUMENT,
                "format 7");
    CHECK_ERROR(sm_handout_render(NULL, handout, SM_HANDOUT_FORMAT_TEXT, &page, &err),
                SM_NULL_ARGUMENT, "index is NULL");
    CHECK_STATUS(sm_handout_add_service(handout, LIT("s99")), SM_OK);
    CHECK_ERROR(sm_handout_render(index, handout, SM_HANDOUT_FORMAT_TEXT, &page, &err),
                SM_NOT_FOUND, "no service with id \"s99\"");
    CHECK(page == UNTOUCHED);
    CHECK_STATUS(sm_handout_add_service(NULL, LIT("s01")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_handout_add_service(handout, LIT("s0\xff")), SM_INVALID_UTF8);
    sm_handout_free(handout);
    sm_handout_free(NULL);
}

/* Searches with `query` (then frees it) and checks the failure. */
static void check_search_fails(const sm_index *index, sm_query *query, sm_status want,
                               const char *needle, int line) {
    sm_error *err = NULL;
    sm_results *results = UNTOUCHED;
    check_error(sm_search(index, query, &results, &err), want, &err, needle, "sm_search",
                __FILE__, line);
    check_that(results == UNTOUCHED, "results untouched", __FILE__, line);
    sm_query_free(query);
}

#define CHECK_SEARCH_FAILS(q, want, needle) check_search_fails(index, (q), (want), (needle), __LINE__)

static void test_invalid_queries(const sm_index *index) {
    sm_query *q;
    q = sm_query_new(), sm_query_set_limit(q, 0);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "limit 0");
    q = sm_query_new(), sm_query_set_limit(q, SM_MAX_LIMIT + 1);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "limit 1001");
    q = sm_query_new(), sm_query_set_offset(q, 100001);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "offset 100001");
    q = sm_query_new(), sm_query_set_client_age(q, 300);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "client.age 300 is not a plausible age");
    q = sm_query_new(), sm_query_set_client_age(q, -1);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "client.age -1 is not a plausible age");
    q = sm_query_new(), sm_query_set_client_age(q, SM_MAX_AGE + 1);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "client.age 131 is not a plausible age");
    q = sm_query_new(), sm_query_set_client_gender(q, LIT("robot"));
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "client.gender \"robot\"");
    q = sm_query_new(), sm_query_add_language(q, LIT("xx-nonsense"));
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "xx-nonsense");
    q = sm_query_new(), sm_query_set_require_language(q, true);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "require_language needs languages");
    q = sm_query_new(), sm_query_set_near_point(q, 95, 0);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "near.lat 95");
    q = sm_query_new(), sm_query_set_near_point(q, NAN, 0);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "near.lat NaN");
    q = sm_query_new(), sm_query_set_radius_km(q, 10);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "radius_km needs near");
    q = sm_query_new(), sm_query_set_near_text(q, LIT("M5V")), sm_query_set_radius_km(q, -3);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "radius_km -3");
    q = sm_query_new(), sm_query_set_near_text(q, LIT("  "));
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "near is an empty string");

    /* Open times: a malformed one, or two at once, are refused. */
    q = sm_query_new(), sm_query_set_open_at(q, LIT("tomorrow at nine"));
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "open_at \"tomorrow at nine\" is not an RFC 3339 time");
    q = sm_query_new(), sm_query_set_open_now(q, true), sm_query_set_open_at(q, LIT("2026-11-29T03:00:00-05:00"));
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "open_now and open_at cannot both be set");
    q = sm_query_new(), sm_query_set_hours_known(q, true);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "hours_known needs open_now or open_at");
    q = sm_query_new(), sm_query_set_serves_here(q, true);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "serves_here needs near");

    /* Fields the engine does not support yet are refused, never ignored. */
    /* Impossible profiles: the engine's messages. */
    q = sm_query_new(), sm_query_set_client_income(q, -1);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "client.income -1 is not a yearly income");
    q = sm_query_new(), sm_query_set_client_household_size(q, 0);
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "client.household_size 0 is not a household");
    q = sm_query_new(), sm_query_add_client_status(q, LIT("astronaut"));
    CHECK_SEARCH_FAILS(q, SM_INVALID_QUERY, "\"astronaut\" is not a status");

    /* An unknown postal code or place: SM_UNKNOWN_PLACE naming it. */
    q = sm_query_new(), sm_query_set_near_text(q, LIT("X9X 9X9"));
    CHECK_SEARCH_FAILS(q, SM_UNKNOWN_PLACE, "X9X 9X9");
    q = sm_query_new(), sm_query_set_near_text(q, LIT("Atlantis"));
    CHECK_SEARCH_FAILS(q, SM_UNKNOWN_PLACE, "Atlantis");

    /* A later valid value replaces an invalid one. */
    q = sm_query_new();
    sm_query_set_client_age(q, 300);
    sm_query_set_client_age(q, 30);
    sm_results *results = search(index, q);
    CHECK(sm_results_len(results) > 0);
    sm_results_free(results);
    sm_query_free(q);

    /* An impossible value becomes JSON all the same, and that JSON gets the
       engine's message when it is searched, as the query itself does. */
    sm_error *err = NULL;
    q = sm_query_new();
    sm_query_set_client_age(q, 300);
    char *json = NULL;
    CHECK(sm_query_to_json(q, &json, &err) == SM_OK);
    CHECK(json != NULL && strstr(json, "\"age\":300") != NULL);
    char *results_json = UNTOUCHED;
    CHECK_ERROR(sm_search_json(index, json, strlen(json), &results_json, &err), SM_INVALID_QUERY,
                "client.age 300 is not a plausible age");
    CHECK(results_json == UNTOUCHED);
    sm_string_free(json);
    sm_query_free(q);
}

static void test_null_arguments(const sm_index *index, const unsigned char *bytes, size_t len) {
    sm_error *err = NULL;
    sm_index *out_index = UNTOUCHED;
    sm_query *query = sm_query_new();
    sm_query *out_query = UNTOUCHED;
    sm_results *results = search(index, query);
    sm_results *out_results = UNTOUCHED;
    char *out_string = UNTOUCHED;
    const char *ptr = UNTOUCHED;
    size_t n = UNTOUCHED_LEN;
    const char *json = "{}";

    /* Opening. */
    CHECK_ERROR(sm_index_open(NULL, &out_index, &err), SM_NULL_ARGUMENT, "path is NULL");
    CHECK_ERROR(sm_index_open(index_path, NULL, &err), SM_NULL_ARGUMENT, "out is NULL");
    CHECK_STATUS(sm_index_open(NULL, &out_index, NULL), SM_NULL_ARGUMENT);
    CHECK_ERROR(sm_index_open_len(NULL, 5, &out_index, &err), SM_NULL_ARGUMENT, "path is NULL");
    CHECK_ERROR(sm_index_open_len(NULL, 0, &out_index, &err), SM_NULL_ARGUMENT, "path is NULL");
    CHECK_ERROR(sm_index_open_len(index_path, strlen(index_path), NULL, &err), SM_NULL_ARGUMENT,
                "out is NULL");
    CHECK_ERROR(sm_index_open_bytes(NULL, len, &out_index, &err), SM_NULL_ARGUMENT,
                "bytes is NULL");
    CHECK_ERROR(sm_index_open_bytes(bytes, len, NULL, &err), SM_NULL_ARGUMENT, "out is NULL");
    CHECK(out_index == UNTOUCHED);
    CHECK_STATUS(sm_index_info_json(NULL, &ptr, &n), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_index_info_json(index, NULL, &n), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_index_info_json(index, &ptr, NULL), SM_NULL_ARGUMENT);
    CHECK_ERROR(sm_index_verify(NULL, &err), SM_NULL_ARGUMENT, "index is NULL");

    /* Queries. */
    CHECK_ERROR(sm_query_from_json(NULL, 2, &out_query, &err), SM_NULL_ARGUMENT, "json is NULL");
    CHECK_ERROR(sm_query_from_json(json, 2, NULL, &err), SM_NULL_ARGUMENT, "out is NULL");
    CHECK(out_query == UNTOUCHED);
    CHECK_ERROR(sm_query_to_json(NULL, &out_string, &err), SM_NULL_ARGUMENT, "query is NULL");
    CHECK_ERROR(sm_query_to_json(query, NULL, &err), SM_NULL_ARGUMENT, "out is NULL");
    CHECK(out_string == UNTOUCHED);
    CHECK_STATUS(sm_query_set_text(NULL, LIT("food")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_text(query, NULL, 4), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_near_point(NULL, 46.5, -81), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_near_text(NULL, LIT("M5V")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_near_text(query, NULL, 3), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_radius_km(NULL, 5), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_client_age(NULL, 30), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_client_gender(NULL, LIT("female")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_client_gender(query, NULL, 6), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_client_income(NULL, 1), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_client_household_size(NULL, 1), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_add_client_status(NULL, LIT("senior")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_add_client_status(query, NULL, 6), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_add_language(NULL, LIT("fr")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_add_language(query, NULL, 2), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_require_language(NULL, true), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_add_category(NULL, LIT("Food")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_add_category(query, NULL, 4), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_open_now(NULL, true), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_open_at(NULL, LIT("2025-01-01T00:00:00Z")), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_open_at(query, NULL, 20), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_free_only(NULL, true), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_wheelchair(NULL, true), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_limit(NULL, 5), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_offset(NULL, 5), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_query_set_explain(NULL, true), SM_NULL_ARGUMENT);
    /* The failed setters left the query as new. */
    char *as_json = NULL;
    CHECK_STATUS(sm_query_to_json(query, &as_json, NULL), SM_OK);
    sm_query *fresh = sm_query_new();
    char *fresh_json = NULL;
    CHECK_STATUS(sm_query_to_json(fresh, &fresh_json, NULL), SM_OK);
    CHECK(strcmp(as_json, fresh_json) == 0);
    sm_string_free(as_json);
    sm_string_free(fresh_json);
    sm_query_free(fresh);

    /* Searching. */
    CHECK_ERROR(sm_search(NULL, query, &out_results, &err), SM_NULL_ARGUMENT, "index is NULL");
    CHECK_ERROR(sm_search(index, NULL, &out_results, &err), SM_NULL_ARGUMENT, "query is NULL");
    CHECK_ERROR(sm_search(index, query, NULL, &err), SM_NULL_ARGUMENT, "out is NULL");
    CHECK_STATUS(sm_search(NULL, NULL, NULL, NULL), SM_NULL_ARGUMENT);
    CHECK(out_results == UNTOUCHED);
    CHECK_ERROR(sm_search_json(NULL, json, 2, &out_string, &err), SM_NULL_ARGUMENT,
                "index is NULL");
    CHECK_ERROR(sm_search_json(index, NULL, 2, &out_string, &err), SM_NULL_ARGUMENT,
                "query_json is NULL");
    CHECK_ERROR(sm_search_json(index, json, 2, NULL, &err), SM_NULL_ARGUMENT, "out is NULL");
    CHECK(out_string == UNTOUCHED);

    /* Results. */
    float f = -1;
    double d = -1, d2 = -1;
    bool b = false;
    sm_eligibility e = SM_ELIGIBILITY_INELIGIBLE;
    size_t count = UNTOUCHED_LEN;
    CHECK(sm_results_len(NULL) == 0);
    CHECK(sm_results_total(NULL) == 0);
    CHECK(!sm_results_total_exact(NULL));
    /* Each getter refuses NULL results and each NULL out-pointer (the
     * macros pass `results`, `ptr` and `n`). */
#define CHECK_NULLS_STR(getter)                                          \
    CHECK_STATUS(getter(NULL, 0, &ptr, &n), SM_NULL_ARGUMENT);           \
    CHECK_STATUS(getter(results, 0, NULL, &n), SM_NULL_ARGUMENT);        \
    CHECK_STATUS(getter(results, 0, &ptr, NULL), SM_NULL_ARGUMENT)
#define CHECK_NULLS_ITEM(getter)                                         \
    CHECK_STATUS(getter(NULL, 0, 0, &ptr, &n), SM_NULL_ARGUMENT);        \
    CHECK_STATUS(getter(results, 0, 0, NULL, &n), SM_NULL_ARGUMENT);     \
    CHECK_STATUS(getter(results, 0, 0, &ptr, NULL), SM_NULL_ARGUMENT)
#define CHECK_NULLS_VALUE(getter, out)                                   \
    CHECK_STATUS(getter(NULL, 0, out), SM_NULL_ARGUMENT);                \
    CHECK_STATUS(getter(results, 0, NULL), SM_NULL_ARGUMENT)

    CHECK_NULLS_STR(sm_results_id);
    CHECK_NULLS_STR(sm_results_name);
    CHECK_NULLS_STR(sm_results_organization);
    CHECK_NULLS_STR(sm_results_url);
    CHECK_NULLS_STR(sm_results_address);
    CHECK_NULLS_STR(sm_results_postal_code);
    CHECK_NULLS_STR(sm_results_relaxed);
    CHECK_STATUS(sm_results_location(NULL, 0, &d, &d2), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_location(results, 0, NULL, &d2), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_location(results, 0, &d, NULL), SM_NULL_ARGUMENT);
    CHECK_NULLS_VALUE(sm_results_score, &f);
    CHECK_NULLS_VALUE(sm_results_distance_km, &d);
    CHECK_NULLS_VALUE(sm_results_eligibility, &e);
    CHECK_NULLS_VALUE(sm_results_open_now, &b);
    CHECK_NULLS_VALUE(sm_results_serves_here, &b);
    CHECK_NULLS_VALUE(sm_results_language_count, &count);
    CHECK_NULLS_ITEM(sm_results_language);
    CHECK_NULLS_VALUE(sm_results_category_count, &count);
    CHECK_NULLS_ITEM(sm_results_category);
    CHECK_NULLS_VALUE(sm_results_phone_count, &count);
    CHECK_NULLS_ITEM(sm_results_phone);
    CHECK_NULLS_STR(sm_results_explanation);
    CHECK_NULLS_STR(sm_results_access);
    CHECK_NULLS_VALUE(sm_results_factor_text, &f);
    CHECK_NULLS_VALUE(sm_results_factor_distance, &f);
    CHECK_NULLS_VALUE(sm_results_factor_language, &f);
    CHECK_NULLS_VALUE(sm_results_factor_eligibility, &f);
    CHECK_NULLS_VALUE(sm_results_factor_open, &f);
    CHECK_STATUS(sm_results_help_line(NULL, &ptr, &n), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_help_line(results, NULL, &n), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_help_line(results, &ptr, NULL), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_to_json(NULL, &ptr, &n), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_to_json(results, NULL, &n), SM_NULL_ARGUMENT);
    CHECK_STATUS(sm_results_to_json(results, &ptr, NULL), SM_NULL_ARGUMENT);
    CHECK(ptr == UNTOUCHED && n == UNTOUCHED_LEN && count == UNTOUCHED_LEN);
    CHECK(f == -1 && d == -1 && d2 == -1 && b == false && e == SM_ELIGIBILITY_INELIGIBLE);

    /* Errors. */
    CHECK(strcmp(sm_error_message(NULL), "") == 0);
    CHECK(sm_error_status(NULL) == SM_NULL_ARGUMENT);

    sm_results_free(results);
    sm_query_free(query);
}

static void test_invalid_utf8(const sm_index *index) {
    sm_error *err = NULL;
    const char bad[] = "caf\xc3";       /* a truncated two-byte sequence */
    const char worse[] = "\xff\xfe food"; /* bytes that never occur in UTF-8 */
    sm_query *query = sm_query_new();
    char *before = NULL;
    CHECK_STATUS(sm_query_to_json(query, &before, NULL), SM_OK);

    CHECK_STATUS(sm_query_set_text(query, LIT(bad)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_set_text(query, LIT(worse)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_set_near_text(query, LIT(bad)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_set_client_gender(query, LIT(bad)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_add_client_status(query, LIT(bad)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_add_language(query, LIT(worse)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_add_category(query, LIT(bad)), SM_INVALID_UTF8);
    CHECK_STATUS(sm_query_set_open_at(query, LIT(worse)), SM_INVALID_UTF8);
    /* A failed setter leaves the query unchanged. */
    char *after = NULL;
    CHECK_STATUS(sm_query_to_json(query, &after, NULL), SM_OK);
    CHECK(strcmp(before, after) == 0);
    sm_string_free(before);
    sm_string_free(after);
    sm_query_free(query);

    /* A valid multi-byte string is fine, and so is a length that stops
     * before the end of a longer buffer. */
    query = sm_query_new();
    CHECK_STATUS(sm_query_set_text(query, LIT("Santé mentale")), SM_OK);
    CHECK_STATUS(sm_query_add_language(query, "fr-with-junk", 2), SM_OK);
    sm_results *results = search(index, query);
    const char *ptr = NULL;
    size_t n = 0;
    CHECK_STATUS(sm_results_id(results, 0, &ptr, &n), SM_OK);
    CHECK(str_eq(ptr, n, "s07"));
    sm_results_free(results);
    sm_query_free(query);

    sm_index *out_index = UNTOUCHED;
    CHECK_ERROR(sm_index_open("/tmp/\xff.smx", &out_index, &err), SM_INVALID_UTF8,
                "path is not valid UTF-8");
    CHECK_ERROR(sm_index_open_len(LIT(worse), &out_index, &err), SM_INVALID_UTF8,
                "path is not valid UTF-8 at byte 0");
    CHECK(out_index == UNTOUCHED);
    sm_query *out_query = UNTOUCHED;
    CHECK_ERROR(sm_query_from_json(LIT("{\"text\": \"caf\xc3\"}"), &out_query, &err),
                SM_INVALID_UTF8, "json is not valid UTF-8 at byte 13");
    CHECK(out_query == UNTOUCHED);
    char *out_string = UNTOUCHED;
    CHECK_ERROR(sm_search_json(index, LIT("{\"text\": \"\xff\"}"), &out_string, &err),
                SM_INVALID_UTF8, "query_json is not valid UTF-8");
    CHECK(out_string == UNTOUCHED);
}

static void test_free_null(void) {
    sm_index_free(NULL);
    sm_query_free(NULL);
    sm_results_free(NULL);
    sm_error_free(NULL);
    sm_string_free(NULL);
    CHECK(1); /* reaching this line is the test */
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s INDEX.smx TMP_DIR\n", argv[0]);
        return 2;
    }
    index_path = argv[1];
    tmp_dir = argv[2];
    size_t len = 0;
    unsigned char *bytes = read_file(index_path, &len);

    test_version();
    test_status_str();
    test_free_null();
    test_open(bytes, len);
    test_damaged_files(bytes, len);

    sm_index *index = NULL;
    sm_error *err = NULL;
    if (sm_index_open(index_path, &index, &err) != SM_OK) {
        fprintf(stderr, "cannot open %s: %s\n", index_path, sm_error_message(err));
        return 2;
    }
    test_getters(index);
    test_results_outlive_index_and_query(bytes, len);
    test_file_replaced_under_open_bytes(bytes, len);
    test_json(index);
    test_service_json();
    test_fhir(index);
    test_handout(index);
    test_invalid_queries(index);
    test_null_arguments(index, bytes, len);
    test_invalid_utf8(index);
    sm_index_free(index);
    free(bytes);
    return check_report("api");
}
