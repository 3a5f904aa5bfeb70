/*
 * A fault injector for the tests, loaded with LD_PRELOAD into the real executables: it makes the
 * Nth call of unlink, rename or fsync (on a path containing INBOX_FAULT_PATH) fail with
 * INBOX_FAULT_ERRNO, or kills the process with SIGKILL right there (INBOX_FAULT_ACTION=kill), as a
 * power cut or `kill -9` would. Every destructive step of the inbox (destroying a key, appending to
 * a chained log, replacing a file of the key directory, deleting data) passes through these calls.
 *
 *   INBOX_FAULT_CALL    unlink | rename | fsync (fsync and fdatasync, which SQLite uses) | write
 *                       (write, pwrite, pwrite64: a file system gone read-only or full) | any
 *   INBOX_FAULT_PATH    a substring of the path (for fsync: of what the descriptor names); empty: any
 *   INBOX_FAULT_AFTER   fail the Nth matching call (1 = the first); 0 = every one
 *   INBOX_FAULT_ERRNO   the errno to fail with (default EIO)
 *   INBOX_FAULT_ACTION  fail (default) | kill
 *   INBOX_FAULT_COUNT   a file to which the number of matching calls is written at exit
 *   INBOX_FAULT_WHEN    a path: faults happen only while it exists (a test turns them on and off)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long matched = 0;

static void write_count(void) {
    const char *path = getenv("INBOX_FAULT_COUNT");
    if (!path) return;
    FILE *file = fopen(path, "w");
    if (file) {
        fprintf(file, "%lu\n", matched);
        fclose(file);
    }
}

__attribute__((constructor)) static void setup(void) { atexit(write_count); }

/* Returns 0 to go on, or -1 with errno set to fail the call. */
static int fault(const char *call, const char *path) {
    const char *wanted = getenv("INBOX_FAULT_CALL");
    /* "any" is every durable step (unlink, rename, fsync), not every write. */
    int any = wanted && strcmp(wanted, "any") == 0 && strcmp(call, "write") != 0;
    if (!wanted || (strcmp(wanted, call) != 0 && !any)) return 0;
    const char *when = getenv("INBOX_FAULT_WHEN");
    if (when && access(when, F_OK) != 0) return 0;
    const char *substring = getenv("INBOX_FAULT_PATH");
    if (substring && *substring && (!path || !strstr(path, substring))) return 0;
    matched += 1;
    if (getenv("INBOX_FAULT_COUNT")) write_count();
    const char *after = getenv("INBOX_FAULT_AFTER");
    unsigned long nth = after ? strtoul(after, NULL, 10) : 0;
    if (nth != 0 && matched != nth) return 0;
    const char *action = getenv("INBOX_FAULT_ACTION");
    if (action && strcmp(action, "kill") == 0) raise(SIGKILL);
    const char *code = getenv("INBOX_FAULT_ERRNO");
    errno = code ? atoi(code) : EIO;
    return -1;
}

int unlink(const char *path) {
    static int (*real)(const char *) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "unlink");
    if (fault("unlink", path) != 0) return -1;
    return real(path);
}

int rename(const char *from, const char *to) {
    static int (*real)(const char *, const char *) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "rename");
    if (fault("rename", to) != 0) return -1;
    return real(from, to);
}

int fsync(int descriptor) {
    static int (*real)(int) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "fsync");
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", descriptor);
    ssize_t length = readlink(link, target, sizeof target - 1);
    target[length > 0 ? length : 0] = '\0';
    if (fault("fsync", target) != 0) return -1;
    return real(descriptor);
}

int fdatasync(int descriptor) {
    static int (*real)(int) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "fdatasync");
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", descriptor);
    ssize_t length = readlink(link, target, sizeof target - 1);
    target[length > 0 ? length : 0] = '\0';
    if (fault("fsync", target) != 0) return -1;
    return real(descriptor);
}

/* The path of an open descriptor, for the calls that take one. */
static void descriptor_path(int descriptor, char *target, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", descriptor);
    ssize_t length = readlink(link, target, size - 1);
    target[length > 0 ? length : 0] = '\0';
}

ssize_t write(int descriptor, const void *buffer, size_t count) {
    static ssize_t (*real)(int, const void *, size_t) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "write");
    /* Every write of the process passes here: look only when writes are what fails. */
    if (getenv("INBOX_FAULT_CALL") && strcmp(getenv("INBOX_FAULT_CALL"), "write") == 0) {
        char target[4096];
        descriptor_path(descriptor, target, sizeof target);
        if (fault("write", target) != 0) return -1;
    }
    return real(descriptor, buffer, count);
}

ssize_t pwrite(int descriptor, const void *buffer, size_t count, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "pwrite");
    char target[4096];
    descriptor_path(descriptor, target, sizeof target);
    if (fault("write", target) != 0) return -1;
    return real(descriptor, buffer, count, offset);
}

ssize_t pwrite64(int descriptor, const void *buffer, size_t count, off_t offset) {
    static ssize_t (*real)(int, const void *, size_t, off_t) = NULL;
    if (!real) real = dlsym(RTLD_NEXT, "pwrite64");
    char target[4096];
    descriptor_path(descriptor, target, sizeof target);
    if (fault("write", target) != 0) return -1;
    return real(descriptor, buffer, count, offset);
}
