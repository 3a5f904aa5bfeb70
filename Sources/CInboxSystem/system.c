// See include/CInboxSystem.h for why this exists.
#include <sys/prctl.h>

#include "CInboxSystem.h"

int CInboxSystem_disable_dumping(void) {
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int CInboxSystem_is_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
}
