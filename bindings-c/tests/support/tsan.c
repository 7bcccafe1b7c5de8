/*
 * For the ThreadSanitizer run only (run.sh links it into threads.c's
 * TSan build): the Rust library, compiled by nightly rustc (LLVM), calls
 * __tsan_memcpy, __tsan_memmove and __tsan_memset for its memory
 * intrinsics; GCC 12's libtsan, which gcc -fsanitize=thread links, predates
 * those entry points. Each forwards to the libc function, which libtsan
 * intercepts and checks as it checks any call from C.
 */
#include <string.h>

void *__tsan_memcpy(void *dst, const void *src, size_t len);
void *__tsan_memmove(void *dst, const void *src, size_t len);
void *__tsan_memset(void *dst, int byte, size_t len);

void *__tsan_memcpy(void *dst, const void *src, size_t len) { return memcpy(dst, src, len); }

void *__tsan_memmove(void *dst, const void *src, size_t len) { return memmove(dst, src, len); }

void *__tsan_memset(void *dst, int byte, size_t len) { return memset(dst, byte, len); }
