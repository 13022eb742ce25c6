// libnats, loaded the first time a live command needs it.
//
// Linking libnats loads libssl, libcrypto and libprotobuf-c with it, and
// relocating them took about 1.4 ms of every planc run: more than cmark-gfm
// needs to parse the reference report, and wasted on `check`, `compile` and
// `fmt`, which never talk to NATS. So planc does not link libnats: each
// function it uses is defined here with the signature nats.h declares (the
// compiler rejects any mismatch), looks the real one up in the library on
// its first call and jumps to it. The definitions are hidden, so libnats's
// own calls never come back through them. A nats function used from Swift
// but missing here fails to link: add a LAZY line with nats.h's declaration.
#include "CNATS.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define PLANC_STRINGIFY2(x) #x
#define PLANC_STRINGIFY(x) PLANC_STRINGIFY2(x)
// The soname of the libnats these headers came from, e.g. libnats.so.3.4.
#define PLANC_NATS_SONAME \
    "libnats.so." PLANC_STRINGIFY(NATS_VERSION_MAJOR) "." PLANC_STRINGIFY(NATS_VERSION_MINOR)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static void *library;
static char load_error[512];

static void load(void) {
    library = dlopen(PLANC_NATS_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "cannot load %s (the libnats%d.%d package): %s",
                 PLANC_NATS_SONAME, NATS_VERSION_MAJOR, NATS_VERSION_MINOR,
                 reason ? reason : "unknown reason");
    }
}

const char *planc_nats_load(void) {
    pthread_once(&load_once, load);
    return library == NULL ? load_error : NULL;
}

// Only reached after planc_nats_load() succeeded. A libnats without one of
// these functions is not the version planc was built against: say so and
// stop with planc's exit code for an environment it cannot work in.
static void *symbol(const char *name) {
    if (planc_nats_load() != NULL) {
        dprintf(STDERR_FILENO, "planc: error: %s\n", load_error);
        _exit(2);
    }
    void *address = dlsym(library, name);
    if (address == NULL) {
        dprintf(STDERR_FILENO, "planc: error: %s has no %s: install the libnats planc was built with\n",
                PLANC_NATS_SONAME, name);
        _exit(2);
    }
    return address;
}

// Each wrapper keeps the address it found; libnats's threads may call in
// at the same time, so the address is read and written atomically.
#define RESOLVE(name)                                                             \
    static __typeof__(&name) real;                                                \
    __typeof__(&name) target = __atomic_load_n(&real, __ATOMIC_ACQUIRE);          \
    if (target == NULL) {                                                         \
        target = (__typeof__(&name))symbol(#name);                                \
        __atomic_store_n(&real, target, __ATOMIC_RELEASE);                        \
    }

#define LAZY(type, name, parameters, arguments)                                   \
    __attribute__((visibility("hidden"))) type name parameters {                  \
        RESOLVE(name)                                                             \
        return target arguments;                                                  \
    }

#define LAZY_VOID(name, parameters, arguments)                                    \
    __attribute__((visibility("hidden"))) void name parameters {                  \
        RESOLVE(name)                                                             \
        target arguments;                                                         \
    }

LAZY_VOID(jsAccountInfo_Destroy, (jsAccountInfo *ai), (ai))
LAZY_VOID(jsCtx_Destroy, (jsCtx *js), (js))
LAZY(natsStatus, jsOptions_Init, (jsOptions *opts), (opts))
LAZY_VOID(jsPubAck_Destroy, (jsPubAck *pubAck), (pubAck))
LAZY(natsStatus, jsPubOptions_Init, (jsPubOptions *opts), (opts))
LAZY(natsStatus, jsStreamConfig_Init, (jsStreamConfig *cfg), (cfg))
LAZY_VOID(jsStreamInfo_Destroy, (jsStreamInfo *si), (si))
LAZY(natsStatus, js_AddStream, (jsStreamInfo **si, jsCtx *js, jsStreamConfig *cfg, jsOptions *opts, jsErrCode *errCode), (si, js, cfg, opts, errCode))
LAZY(natsStatus, js_CreateKeyValue, (kvStore **new_kv, jsCtx *js, kvConfig *cfg), (new_kv, js, cfg))
LAZY(natsStatus, js_GetAccountInfo, (jsAccountInfo **ai, jsCtx *js, jsOptions *opts, jsErrCode *errCode), (ai, js, opts, errCode))
LAZY(natsStatus, js_GetMsg, (natsMsg **msg, jsCtx *js, const char *stream, uint64_t seq, jsOptions *opts, jsErrCode *errCode), (msg, js, stream, seq, opts, errCode))
LAZY(natsStatus, js_GetStreamInfo, (jsStreamInfo **si, jsCtx *js, const char *stream, jsOptions *opts, jsErrCode *errCode), (si, js, stream, opts, errCode))
LAZY(natsStatus, js_KeyValue, (kvStore **new_kv, jsCtx *js, const char *bucket), (new_kv, js, bucket))
LAZY(natsStatus, js_Publish, (jsPubAck **pubAck, jsCtx *js, const char *subj, const void *data, int dataLen, jsPubOptions *opts, jsErrCode *errCode), (pubAck, js, subj, data, dataLen, opts, errCode))
LAZY(natsStatus, kvConfig_Init, (kvConfig *cfg), (cfg))
LAZY_VOID(kvEntryList_Destroy, (kvEntryList *list), (list))
LAZY_VOID(kvEntry_Destroy, (kvEntry *e), (e))
LAZY(const char*, kvEntry_Key, (kvEntry *e), (e))
LAZY(uint64_t, kvEntry_Revision, (kvEntry *e), (e))
LAZY(const void*, kvEntry_Value, (kvEntry *e), (e))
LAZY(int, kvEntry_ValueLen, (kvEntry *e), (e))
LAZY(natsStatus, kvStore_Create, (uint64_t *rev, kvStore *kv, const char *key, const void *data, int len), (rev, kv, key, data, len))
LAZY(natsStatus, kvStore_Delete, (kvStore *kv, const char *key), (kv, key))
LAZY_VOID(kvStore_Destroy, (kvStore *kv), (kv))
LAZY(natsStatus, kvStore_Get, (kvEntry **new_entry, kvStore *kv, const char *key), (new_entry, kv, key))
LAZY(natsStatus, kvStore_History, (kvEntryList *list, kvStore *kv, const char *key, kvWatchOptions *opts), (list, kv, key, opts))
LAZY(natsStatus, kvStore_Put, (uint64_t *rev, kvStore *kv, const char *key, const void *data, int len), (rev, kv, key, data, len))
LAZY(natsStatus, kvStore_Update, (uint64_t *rev, kvStore *kv, const char *key, const void *data, int len, uint64_t last), (rev, kv, key, data, len, last))
LAZY(natsStatus, kvStore_WatchAll, (kvWatcher **new_watcher, kvStore *kv, kvWatchOptions *opts), (new_watcher, kv, opts))
LAZY(natsStatus, kvWatchOptions_Init, (kvWatchOptions *opts), (opts))
LAZY_VOID(kvWatcher_Destroy, (kvWatcher *w), (w))
LAZY(natsStatus, kvWatcher_Next, (kvEntry **new_entry, kvWatcher *w, int64_t timeout), (new_entry, w, timeout))
LAZY_VOID(natsConnection_Close, (natsConnection *nc), (nc))
LAZY(natsStatus, natsConnection_Connect, (natsConnection **nc, natsOptions *options), (nc, options))
LAZY_VOID(natsConnection_Destroy, (natsConnection *nc), (nc))
LAZY(natsStatus, natsConnection_JetStream, (jsCtx **js, natsConnection *nc, jsOptions *opts), (js, nc, opts))
LAZY(natsStatus, natsConnection_SubscribeSync, (natsSubscription **sub, natsConnection *nc, const char *subject), (sub, nc, subject))
LAZY_VOID(natsMsg_Destroy, (natsMsg *msg), (msg))
LAZY(const char*, natsMsg_GetData, (const natsMsg *msg), (msg))
LAZY(int, natsMsg_GetDataLength, (const natsMsg *msg), (msg))
LAZY(const char*, natsMsg_GetSubject, (const natsMsg *msg), (msg))
LAZY(natsStatus, natsOptions_Create, (natsOptions **newOpts), (newOpts))
LAZY_VOID(natsOptions_Destroy, (natsOptions *opts), (opts))
LAZY(natsStatus, natsOptions_SetMaxReconnect, (natsOptions *opts, int maxReconnect), (opts, maxReconnect))
LAZY(natsStatus, natsOptions_SetName, (natsOptions *opts, const char *name), (opts, name))
LAZY(natsStatus, natsOptions_SetReconnectBufSize, (natsOptions *opts, int reconnectBufSize), (opts, reconnectBufSize))
LAZY(natsStatus, natsOptions_SetReconnectWait, (natsOptions *opts, int64_t reconnectWait), (opts, reconnectWait))
LAZY(natsStatus, natsOptions_SetServers, (natsOptions *opts, const char** servers, int serversCount), (opts, servers, serversCount))
LAZY(natsStatus, natsOptions_SetTimeout, (natsOptions *opts, int64_t timeout), (opts, timeout))
LAZY(const char*, natsStatus_GetText, (natsStatus s), (s))
LAZY_VOID(natsSubscription_Destroy, (natsSubscription *sub), (sub))
LAZY(natsStatus, natsSubscription_NextMsg, (natsMsg **nextMsg, natsSubscription *sub, int64_t timeout), (nextMsg, sub, timeout))
LAZY(natsStatus, natsSubscription_Unsubscribe, (natsSubscription *sub), (sub))
LAZY(const char*, nats_GetLastError, (natsStatus *status), (status))
