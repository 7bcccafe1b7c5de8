/*
 * Prints, for each JSON query in a file (one per line), the hit ids found
 * through the typed C API and the results' JSON from sm_search_json, in the
 * format of tests/support/reference.rs, so that tests/run.sh can compare the
 * C results with the Rust results line by line.
 *
 * Usage: compare INDEX.smx QUERIES.jsonl
 */
#include "check.h"

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s INDEX.smx QUERIES.jsonl\n", argv[0]);
        return 2;
    }
    sm_index *index = NULL;
    sm_error *err = NULL;
    if (sm_index_open(argv[1], &index, &err) != SM_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], sm_error_message(err));
        sm_error_free(err);
        return 2;
    }
    FILE *queries = fopen(argv[2], "r");
    if (queries == NULL) {
        fprintf(stderr, "cannot open %s\n", argv[2]);
        return 2;
    }
    static char line[1 << 16];
    int failed = 0;
    while (fgets(line, sizeof line, queries) != NULL) {
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        if (strspn(line, " \t") == len) {
            continue;
        }
        /* Typed path: the query from JSON, the ids through the getters. */
        sm_query *query = NULL;
        sm_results *results = NULL;
        if (sm_query_from_json(line, len, &query, &err) != SM_OK ||
            sm_search(index, query, &results, &err) != SM_OK) {
            fprintf(stderr, "%s: %s\n", line, sm_error_message(err));
            sm_error_free(err);
            err = NULL;
            sm_query_free(query);
            failed = 1;
            continue;
        }
        printf("ids:");
        for (size_t i = 0; i < sm_results_len(results); i++) {
            const char *id = NULL;
            size_t id_len = 0;
            sm_results_id(results, i, &id, &id_len);
            printf(" %.*s", (int)id_len, id);
        }
        printf("\n");

        /* JSON path; it must also equal the typed results' JSON. */
        char *json = NULL;
        if (sm_search_json(index, line, len, &json, &err) != SM_OK) {
            fprintf(stderr, "%s: %s\n", line, sm_error_message(err));
            sm_error_free(err);
            err = NULL;
            failed = 1;
        } else {
            printf("json: %s\n", json);
            const char *typed = NULL;
            size_t typed_len = 0;
            sm_results_to_json(results, &typed, &typed_len);
            if (typed_len != strlen(json) || memcmp(typed, json, typed_len) != 0) {
                fprintf(stderr, "%s: sm_search_json and sm_results_to_json differ\n", line);
                failed = 1;
            }
            sm_string_free(json);
        }
        sm_results_free(results);
        sm_query_free(query);
    }
    fclose(queries);
    sm_index_free(index);
    return failed;
}
