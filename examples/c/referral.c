/*
 * referral: find community services for a patient, as an EMR's referral
 * lookup would, through the servicematch C library; then, once the
 * physician picks one, its full record.
 *
 *   referral [--index FILE] [--limit N] POSTAL_CODE AGE LANGUAGE [NEED...]
 *   referral [--index FILE] --show SERVICE_ID
 *
 *   referral --index ontario.smx "P3E 2C6" 72 fr "meals"
 *   referral --index ontario.smx --show synth-0001493
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
            "       %s [--index FILE] --show SERVICE_ID\n"
            "example: %s --index ontario.smx \"P3E 2C6\" 72 fr meals\n",
            program, program, program);
}

/* Prints a status and its detail, frees the detail; returns 1 for main. */
static int fail(const char *what, sm_status status, sm_error *err) {
    fprintf(stderr, "%s: %s\n", what, err != NULL ? sm_error_message(err) : sm_status_str(status));
    sm_error_free(err);
    return 1;
}

/* Prints a labelled (ptr, len) string field. */
static void print_field(const char *label, const char *text, size_t len) {
    printf("   %-12s %.*s\n", label, (int)len, text);
}

/* Prints a service's full record: the JSON an EMR stores with the referral
 * (description, every location, hours, eligibility, how to apply…). */
static int show(const sm_index *index, const char *id) {
    char *json = NULL;
    sm_error *err = NULL;
    sm_status status = sm_index_service_json(index, id, strlen(id), &json, &err);
    if (status != SM_OK) {
        /* SM_NOT_FOUND: the index has no service with this id. */
        return fail("cannot show the service", status, err);
    }
    printf("%s\n", json);
    sm_string_free(json); /* owned by the caller, freed by the library */
    return 0;
}

int main(int argc, char **argv) {
    const char *index_path = getenv("SERVICEMATCH_INDEX");
    const char *show_id = NULL;
    size_t limit = 5;
    int arg = 1;
    for (; arg < argc && strncmp(argv[arg], "--", 2) == 0; arg++) {
        if (strcmp(argv[arg], "--index") == 0 && arg + 1 < argc) {
            index_path = argv[++arg];
        } else if (strcmp(argv[arg], "--limit") == 0 && arg + 1 < argc) {
            limit = (size_t)strtoul(argv[++arg], NULL, 10);
        } else if (strcmp(argv[arg], "--show") == 0 && arg + 1 < argc) {
            show_id = argv[++arg];
        } else {
            usage(argv[0]);
            return 2;
        }
    }
    if (index_path == NULL) {
        index_path = "directory.smx";
    }
    /* In an EMR the index is opened once, at start-up, and shared by every
     * thread; opening maps the file and takes milliseconds. */
    sm_index *index = NULL;
    sm_error *err = NULL;
    sm_status status;
    if (show_id != NULL) {
        if (arg != argc) {
            usage(argv[0]);
            return 2;
        }
        status = sm_index_open(index_path, &index, &err);
        if (status != SM_OK) {
            return fail("cannot open the directory", status, err);
        }
        int code = show(index, show_id);
        sm_index_free(index);
        return code;
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
    status = sm_index_open(index_path, &index, &err);
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
    /* Each getter fills (text, len) first; the field is printed after it
     * returns SM_OK. (Calling a getter inside the printing call's own
     * arguments would read text and len before or after the getter fills
     * them: C leaves the order of evaluation of arguments unspecified.) */
    for (size_t i = 0; i < sm_results_len(results); i++) {
        const char *text = NULL;
        size_t len = 0;
        if (sm_results_name(results, i, &text, &len) == SM_OK) {
            printf("%zu. %.*s", i + 1, (int)len, text);
        }
        double km = 0;
        if (sm_results_distance_km(results, i, &km) == SM_OK) {
            printf(" (%.1f km)", km);
        }
        printf("\n");
        if (sm_results_organization(results, i, &text, &len) == SM_OK) {
            print_field("organization", text, len);
        }
        if (sm_results_address(results, i, &text, &len) == SM_OK) {
            print_field("address", text, len);
        }
        size_t phones = 0;
        sm_results_phone_count(results, i, &phones);
        for (size_t j = 0; j < phones; j++) {
            if (sm_results_phone(results, i, j, &text, &len) == SM_OK) {
                print_field("phone", text, len);
            }
        }
        if (sm_results_url(results, i, &text, &len) == SM_OK) {
            print_field("web", text, len);
        }
        sm_eligibility eligibility;
        if (sm_results_eligibility(results, i, &eligibility) == SM_OK &&
            eligibility == SM_ELIGIBILITY_UNKNOWN) {
            printf("   %-12s %s\n", "eligibility", "not stated: check with the service");
        }
        if (sm_results_explanation(results, i, &text, &len) == SM_OK) {
            print_field("why", text, len);
        }
        if (sm_results_access(results, i, &text, &len) == SM_OK) {
            print_field("how", text, len);
        }
        if (sm_results_id(results, i, &text, &len) == SM_OK) {
            print_field("service id", text, len);
        }
        printf("\n");
    }

    sm_results_free(results);
    sm_index_free(index);
    return 0;
}
