/*
 * A minimal test harness for the C tests: CHECK macros that count and
 * report, and helpers for the library's (ptr, len) strings.
 */
#ifndef SM_TEST_CHECK_H
#define SM_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "servicematch.h"

static int checks_passed = 0;
static int checks_failed = 0;

static inline int check_that(int ok, const char *what, const char *file, int line) {
    if (ok) {
        checks_passed++;
    } else {
        checks_failed++;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    }
    return ok;
}

static inline int check_status(sm_status got, sm_status want, const char *what,
                               const char *file, int line) {
    if (got == want) {
        checks_passed++;
        return 1;
    }
    checks_failed++;
    fprintf(stderr, "%s:%d: %s\n  returned %s\n  expected %s\n", file, line, what,
            sm_status_str((unsigned)got), sm_status_str((unsigned)want));
    return 0;
}

/** Checks a condition; counts it; says where it failed. */
#define CHECK(cond) check_that((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/** Checks that a call returns the expected status. */
#define CHECK_STATUS(call, want) check_status((call), (want), #call, __FILE__, __LINE__)

/** A string literal as (ptr, len) arguments. */
#define LIT(s) (s), (sizeof(s) - 1)

/** Whether a (ptr, len) string equals a C string. */
static inline int str_eq(const char *ptr, size_t len, const char *want) {
    return ptr != NULL && len == strlen(want) && memcmp(ptr, want, len) == 0;
}

/** Whether a (ptr, len) string contains a C string. */
static inline int str_contains(const char *ptr, size_t len, const char *needle) {
    size_t n = strlen(needle);
    if (ptr == NULL || n > len) {
        return 0;
    }
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(ptr + i, needle, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/** Prints the closing line that test runners read; returns the exit code. */
static inline int check_report(const char *name) {
    printf("%s: %d passed, %d failed\n", name, checks_passed, checks_failed);
    return checks_failed == 0 ? 0 : 1;
}

/** Reads a whole file; exits on failure (the test cannot go on). */
static inline unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            unsigned char *bigger = realloc(buf, cap);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    fclose(f);
    if (buf == NULL) {
        fprintf(stderr, "out of memory reading %s\n", path);
        exit(2);
    }
    *len = n;
    return buf;
}

/** Writes a whole file; exits on failure. */
static inline void write_file(const char *path, const unsigned char *bytes, size_t len) {
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(bytes, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
}

#endif
