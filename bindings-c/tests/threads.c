/*
 * One sm_index shared by 8 threads, each running many searches with shared
 * queries: every result must equal the single-threaded result. The shared
 * index is opened fresh after the single-threaded run (on another sm_index),
 * so that the threads' first searches race to do what an index does once,
 * lazily (checking the text section, reading the vocabulary); run.sh runs
 * it under ThreadSanitizer too.
 *
 * Usage: threads INDEX.smx [SEARCHES_PER_THREAD (default 10000)]
 */
#include <pthread.h>

#include "check.h"

#define THREADS 8

static const char *const query_texts[] = {
    "{\"text\": \"aide alimentaire\", \"near\": \"P3E 2C6\", \"languages\": [\"fr\"]}",
    "{\"text\": \"food\", \"client\": {\"age\": 72}, \"limit\": 50, \"explain\": true}",
    "{\"near\": {\"lat\": 43.6, \"lon\": -79.4}, \"radius_km\": 500, \"limit\": 20}",
    "{\"text\": \"shelter\", \"client\": {\"gender\": \"woman\"}}",
    "{\"categories\": [\"Food\"], \"languages\": [\"French\"], \"limit\": 50}",
    "{\"text\": \"community food bank\", \"near\": \"Toronto\", \"limit\": 5, \"offset\": 1}",
};
#define QUERIES (sizeof query_texts / sizeof query_texts[0])

static sm_index *shared_index;
static sm_query *queries[QUERIES];
static char *expected[QUERIES];
static long searches_per_thread = 10000;

struct worker {
    pthread_t thread;
    long id;
    long done;
    long failed;
    long differed;
};

static int same(const char *json, size_t len, size_t q) {
    return len == strlen(expected[q]) && memcmp(json, expected[q], len) == 0;
}

static void *work(void *arg) {
    struct worker *w = arg;
    for (long i = 0; i < searches_per_thread; i++) {
        size_t q = (size_t)(i + w->id) % QUERIES;
        if (i % 4 == 3) {
            /* The JSON path, on the same shared index. */
            char *json = NULL;
            if (sm_search_json(shared_index, query_texts[q], strlen(query_texts[q]), &json,
                               NULL) != SM_OK) {
                w->failed++;
                continue;
            }
            if (!same(json, strlen(json), q)) {
                w->differed++;
            }
            sm_string_free(json);
        } else {
            sm_results *results = NULL;
            if (sm_search(shared_index, queries[q], &results, NULL) != SM_OK) {
                w->failed++;
                continue;
            }
            const char *json = NULL;
            size_t len = 0;
            if (sm_results_to_json(results, &json, &len) != SM_OK || !same(json, len, q)) {
                w->differed++;
            }
            sm_results_free(results);
        }
        w->done++;
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s INDEX.smx [SEARCHES_PER_THREAD]\n", argv[0]);
        return 2;
    }
    if (argc == 3) {
        searches_per_thread = strtol(argv[2], NULL, 10);
    }
    sm_error *err = NULL;
    if (sm_index_open(argv[1], &shared_index, &err) != SM_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], sm_error_message(err));
        sm_error_free(err);
        return 2;
    }

    /* The single-threaded results. */
    for (size_t q = 0; q < QUERIES; q++) {
        CHECK_STATUS(sm_query_from_json(query_texts[q], strlen(query_texts[q]), &queries[q], NULL),
                     SM_OK);
        sm_results *results = NULL;
        CHECK_STATUS(sm_search(shared_index, queries[q], &results, NULL), SM_OK);
        CHECK(sm_results_len(results) > 0);
        const char *json = NULL;
        size_t len = 0;
        CHECK_STATUS(sm_results_to_json(results, &json, &len), SM_OK);
        expected[q] = malloc(len + 1);
        if (expected[q] == NULL) {
            return 2;
        }
        memcpy(expected[q], json, len);
        expected[q][len] = '\0';
        sm_results_free(results);
    }
    if (checks_failed > 0) {
        return check_report("threads");
    }
    sm_index *reference = shared_index;
    shared_index = NULL;
    if (sm_index_open(argv[1], &shared_index, &err) != SM_OK) {
        fprintf(stderr, "cannot open %s again: %s\n", argv[1], sm_error_message(err));
        sm_error_free(err);
        return 2;
    }
    sm_index_free(reference);

    struct worker workers[THREADS];
    for (long t = 0; t < THREADS; t++) {
        workers[t] = (struct worker){.id = t};
        CHECK(pthread_create(&workers[t].thread, NULL, work, &workers[t]) == 0);
    }
    long done = 0;
    for (long t = 0; t < THREADS; t++) {
        CHECK(pthread_join(workers[t].thread, NULL) == 0);
        CHECK(workers[t].failed == 0);
        CHECK(workers[t].differed == 0);
        CHECK(workers[t].done == searches_per_thread);
        if (workers[t].failed || workers[t].differed) {
            fprintf(stderr, "thread %ld: %ld searches failed, %ld differed\n", t,
                    workers[t].failed, workers[t].differed);
        }
        done += workers[t].done;
    }
    fprintf(stderr, "threads: %d threads, %ld searches, all identical to the single-threaded results\n",
            THREADS, done);

    for (size_t q = 0; q < QUERIES; q++) {
        sm_query_free(queries[q]);
        free(expected[q]);
    }
    sm_index_free(shared_index);
    return check_report("threads");
}
