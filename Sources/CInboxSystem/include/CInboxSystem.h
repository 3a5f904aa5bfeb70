// Linux system calls that Swift cannot call directly. prctl(2) and fcntl(2) are variadic, and Swift
// imports no variadic C function, so each use gets a fixed-argument wrapper here.
#ifndef CONTACT_INBOX_CINBOXSYSTEM_H
#define CONTACT_INBOX_CINBOXSYSTEM_H

/// Makes the process non-dumpable: no core dump, and no ptrace attach by other processes of the
/// same user, while it holds an opened master key. Returns 0 on success, -1 with errno set.
int CInboxSystem_disable_dumping(void);

/// 1 if the process is dumpable, 0 if not, -1 on error.
int CInboxSystem_is_dumpable(void);

/// Takes an exclusive open-file-description lock (fcntl F_OFD_SETLK) on the whole file, without
/// waiting: 0 when taken, -1 with errno (EAGAIN or EACCES while another holds it) otherwise. Such a
/// write lock needs the file open for writing, so a process that may only read the key directory
/// (the intake server) cannot take it and hold up every staff command and purge; flock(2) has no
/// such condition. Swift's Glibc module does not see F_OFD_SETLK, which glibc defines only with
/// _GNU_SOURCE.
int CInboxSystem_try_lock_exclusive(int descriptor);

/// Lets the lock go.
int CInboxSystem_unlock(int descriptor);

/// Swaps two paths in one step (renameat2 RENAME_EXCHANGE): a directory is replaced by another
/// whole, which rename(2) cannot do when the target is not empty. 0, or -1 with errno. Swift's
/// Glibc module does not see renameat2, which glibc declares only with _GNU_SOURCE.
int CInboxSystem_exchange(const char *first, const char *second);

#endif
