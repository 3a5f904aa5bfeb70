// Opens a pseudo-terminal for the CLI tests. posix_openpt, grantpt, unlockpt and ptsname_r are
// declared by glibc only under feature macros that Swift's Glibc module does not set.
#ifndef CONTACT_INBOX_CPSEUDOTERMINAL_H
#define CONTACT_INBOX_CPSEUDOTERMINAL_H

#include <stddef.h>

/// Opens the controlling side of a new pseudo-terminal and writes the path of its terminal device
/// into `device`. Returns the file descriptor, or -1 with errno set.
int CPseudoTerminal_open(char *device, size_t device_length);

#endif
