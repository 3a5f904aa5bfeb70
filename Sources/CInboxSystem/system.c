// See include/CInboxSystem.h for why this exists.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/prctl.h>

#include "CInboxSystem.h"

int CInboxSystem_disable_dumping(void) {
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int CInboxSystem_is_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
}

static int lock_whole_file(int descriptor, short type) {
    struct flock lock = {0};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    return fcntl(descriptor, F_OFD_SETLK, &lock);
}

int CInboxSystem_try_lock_exclusive(int descriptor) {
    return lock_whole_file(descriptor, F_WRLCK);
}

int CInboxSystem_unlock(int descriptor) {
    return lock_whole_file(descriptor, F_UNLCK);
}

int CInboxSystem_exchange(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
