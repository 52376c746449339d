#ifndef CCURL_H
#define CCURL_H
/* A thin shim over libcurl's easy interface for what Swift cannot call directly (curl_easy_setopt is variadic):
   one blocking exchange per call on a reusable handle, the answer collected into malloc'd buffers. */
#include <stddef.h>
#include <stdint.h>
#include <curl/curl.h>

/* One answer: status, raw header block (every header line of the final response) and body. Free with ccurl_free. */
typedef struct {
    long status;
    char *headers;
    size_t headers_length;
    uint8_t *body;
    size_t body_length;
    /* curl's error text when the exchange failed (empty otherwise). */
    char error[256];
} ccurl_response;

/* Once per process, before any handle (curl_global_init). Returns 0 on success. */
int ccurl_global_init(void);
/* A new handle (NULL on failure); it keeps its connection open between exchanges. */
void *ccurl_handle_new(void);
void ccurl_handle_free(void *handle);
/* Sends one request and waits for the whole answer. `headers` are "Name: value" lines; `body` may be NULL.
   `cancel` is read while waiting: non-zero aborts the exchange. Returns the CURLcode (0: answered). */
int ccurl_perform(void *handle, const char *method, const char *url, const char *const *headers, size_t header_count,
                  const uint8_t *body, size_t body_length, long timeout_ms, const volatile int *cancel,
                  ccurl_response *out);
void ccurl_free(ccurl_response *response);
#endif
