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

// An OSSL_PARAM keeps the pointers it is given. Names and values made from Swift strings would
// dangle once the call that made them returns, so the parameters for HMAC-SHA256 are built here
// from string constants with static storage.
static inline void CInbox_HMAC_SHA256_params(OSSL_PARAM params[2]) {
    static char digest[] = "SHA256";
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0);
    params[1] = OSSL_PARAM_construct_end();
}

// The algorithm name of HMAC for EVP_MAC_fetch, with static storage for the same reason.
static inline const char *CInbox_HMAC_name(void) {
    return OSSL_MAC_NAME_HMAC;
}

#endif
