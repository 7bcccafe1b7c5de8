/*
 * referral: find community services for a patient, as an EMR's referral
 * lookup would, through the servicematch C library.
 *
 *   referral [--index FILE] [--limit N] POSTAL_CODE AGE LANGUAGE [NEED...]
 *
 *   referral --index ontario.smx "P3E 2C6" 72 fr "meals"
 *
 * The index defaults to $SERVICEMATCH_INDEX, then ./directory.smx. The
 * patient's profile stays in this process: the library never uses the
 * network.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servicematch.h"

static void usage(const char *program) {
    fprintf(stderr,
            "usage: %s [--index FILE] [--limit N] POSTAL_CODE AGE LANGUAGE [NEED...]\n"
            "example: %s --index ontario.smx \"P3E 2C6\" 72 fr meals\n",
            program, program);
}

/* Prints a status and its detail, frees the detail; returns 1 for main. */
static int fail(const char *what, sm_status status, sm_error *err) {
    fprintf(stderr, "%s: %s\n", what, err != NULL ? sm_error_message(err) : sm_status_str(status));
    sm_error_free(err);
    return 1;
}

/* Prints a (ptr, len) string field when the hit has it. */
static void print_field(const char *label, sm_status status, const char *text, size_t len) {
    if (status == SM_OK) {
        printf("   %-12s %.*s\n", label, (int)len, text);
    }
}

int main(int argc, char **argv) {
    const char *index_path = getenv("SERVICEMATCH_INDEX");
    size_t limit = 5;
    int arg = 1;
    for (; arg < argc && strncmp(argv[arg], "--", 2) == 0; arg++) {
        if (strcmp(argv[arg], "--index") == 0 && arg + 1 < argc) {
            index_path = argv[++arg];
        } else if (strcmp(argv[arg], "--limit") == 0 && arg + 1 < argc) {
            limit = (size_t)strtoul(argv[++arg], NULL, 10);
        } else {
            usage(argv[0]);
            return 2;
        }
    }
    if (argc - arg < 3) {
        usage(argv[0]);
        return 2;
    }
    const char *postal_code = argv[arg];
    char *end = NULL;
    long age = strtol(argv[arg + 1], &end, 10);
    if (*argv[arg + 1] == '\0' || *end != '\0') {
        fprintf(stderr, "age \"%s\" is not a number\n", argv[arg + 1]);
        return 2;
    }
    const char *language = argv[arg + 2];
    char need[1024] = "";
    for (int i = arg + 3; i < argc; i++) {
        if (strlen(need) + strlen(argv[i]) + 2 > sizeof need) {
            break;
        }
        strcat(need, need[0] != '\0' ? " " : "");
        strcat(need, argv[i]);
    }
    if (index_path == NULL) {
        index_path = "directory.smx";
    }

    /* In an EMR the index is opened once, at start-up, and shared by every
     * thread; opening maps the file and takes milliseconds. */
    sm_index *index = NULL;
    sm_error *err = NULL;
    sm_status status = sm_index_open(index_path, &index, &err);
    if (status != SM_OK) {
        return fail("cannot open the directory", status, err);
    }

    sm_query *query = sm_query_new();
    sm_query_set_near_text(query, postal_code, strlen(postal_code));
    sm_query_set_client_age(query, (int)(age > 1000 ? 1000 : age < -1 ? -1 : age));
    sm_query_add_language(query, language, strlen(language));
    if (need[0] != '\0') {
        sm_query_set_text(query, need, strlen(need));
    }
    sm_query_set_limit(query, limit);
    sm_query_set_explain(query, true);

    sm_results *results = NULL;
    status = sm_search(index, query, &results, &err);
    sm_query_free(query);
    if (status != SM_OK) {
        sm_index_free(index);
        return fail("search failed", status, err);
    }

    printf("%zu of %zu%s services for a %ld-year-old near %s speaking %s%s%s\n\n",
           sm_results_len(results), sm_results_total(results),
           sm_results_total_exact(results) ? "" : "+", age, postal_code, language,
           need[0] != '\0' ? ", needing: " : "", need);
    for (size_t i = 0; i < sm_results_len(results); i++) {
        const char *text = NULL;
        size_t len = 0;
        sm_results_name(results, i, &text, &len);
        printf("%zu. %.*s", i + 1, (int)len, text);
        double km = 0;
        if (sm_results_distance_km(results, i, &km) == SM_OK) {
            printf(" (%.1f km)", km);
        }
        printf("\n");
        print_field("organization", sm_results_organization(results, i, &text, &len), text, len);
        print_field("address", sm_results_address(results, i, &text, &len), text, len);
        size_t phones = 0;
        sm_results_phone_count(results, i, &phones);
        for (size_t j = 0; j < phones; j++) {
            print_field("phone", sm_results_phone(results, i, j, &text, &len), text, len);
        }
        print_field("web", sm_results_url(results, i, &text, &len), text, len);
        sm_eligibility eligibility;
        if (sm_results_eligibility(results, i, &eligibility) == SM_OK &&
            eligibility == SM_ELIGIBILITY_UNKNOWN) {
            printf("   %-12s %s\n", "eligibility", "not stated: check with the service");
        }
        print_field("why", sm_results_explanation(results, i, &text, &len), text, len);
        sm_results_id(results, i, &text, &len);
        printf("   %-12s %.*s\n\n", "service id", (int)len, text);
    }

    sm_results_free(results);
    sm_index_free(index);
    return 0;
}
