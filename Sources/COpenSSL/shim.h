// The system OpenSSL 3 libcrypto, as InboxCrypto sees it.
//
// Swift imports OpenSSL's functions directly. This header adds only what Swift cannot import or
// cannot use safely; every wrapper says why it exists.
#ifndef CONTACT_INBOX_COPENSSL_SHIM_H
#define CONTACT_INBOX_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

// OPENSSL_free is a macro that passes __FILE__ and __LINE__ to CRYPTO_free; Swift cannot call it.
static inline void CInbox_OPENSSL_free(void *pointer) {
    OPENSSL_free(pointer);
}

// BIO_get_mem_data is a macro over BIO_ctrl; Swift cannot call it.
static inline long CInbox_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

// Byte buffers as `void *`. OpenSSL types its buffers `unsigned char *` (and a passphrase
// `const char *`); Swift hands us raw bytes (`UnsafeRawBufferPointer`). Rebinding that memory to
// another type in Swift (`bindMemory`) would be undefined behaviour if it was bound to something
// else; C converts `void *` to any object pointer, so these wrappers take the raw pointer as it is
// and leave the conversion to C, where it is defined.

static inline int CInbox_RAND_bytes(void *buffer, int count) {
    return RAND_bytes(buffer, count);
}

static inline X509_SIG *CInbox_PKCS8_set0_pbe(const void *passphrase, int length, PKCS8_PRIV_KEY_INFO *info,
                                              X509_ALGOR *algorithm) {
    return PKCS8_set0_pbe(passphrase, length, info, algorithm);
}

static inline PKCS8_PRIV_KEY_INFO *CInbox_PKCS8_decrypt(const X509_SIG *encrypted, const void *passphrase, int length) {
    return PKCS8_decrypt(encrypted, passphrase, length);
}

static inline EVP_PKEY *CInbox_EVP_PKEY_new_raw_private_key(int type, const void *bytes, size_t length) {
    return EVP_PKEY_new_raw_private_key(type, NULL, bytes, length);
}

static inline int CInbox_EVP_PKEY_get_raw_private_key(const EVP_PKEY *key, void *bytes, size_t *length) {
    return EVP_PKEY_get_raw_private_key(key, bytes, length);
}

static inline int CInbox_EVP_PKEY_derive(EVP_PKEY_CTX *context, void *secret, size_t *length) {
    return EVP_PKEY_derive(context, secret, length);
}

static inline int CInbox_EVP_CipherInit_key_iv(EVP_CIPHER_CTX *context, const void *key, const void *iv, int encrypting) {
    return EVP_CipherInit_ex(context, NULL, NULL, key, iv, encrypting);
}

// With `output` NULL this feeds additional authenticated data (GCM).
static inline int CInbox_EVP_CipherUpdate(EVP_CIPHER_CTX *context, void *output, int *written, const void *input, int length) {
    return EVP_CipherUpdate(context, output, written, input, length);
}

static inline int CInbox_EVP_CipherFinal_ex(EVP_CIPHER_CTX *context, void *output, int *written) {
    return EVP_CipherFinal_ex(context, output, written);
}

static inline int CInbox_EVP_DigestFinal_ex(EVP_MD_CTX *context, void *digest, unsigned int *written) {
    return EVP_DigestFinal_ex(context, digest, written);
}

#endif
