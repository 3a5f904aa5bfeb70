// Linux system calls that Swift cannot call directly. prctl(2) is variadic, and Swift imports no
// variadic C function, so each use gets a fixed-argument wrapper here.
#ifndef CONTACT_INBOX_CINBOXSYSTEM_H
#define CONTACT_INBOX_CINBOXSYSTEM_H

/// Makes the process non-dumpable: no core dump, and no ptrace attach by other processes of the
/// same user, while it holds an opened master key. Returns 0 on success, -1 with errno set.
int CInboxSystem_disable_dumping(void);

/// 1 if the process is dumpable, 0 if not, -1 on error.
int CInboxSystem_is_dumpable(void);

#endif
