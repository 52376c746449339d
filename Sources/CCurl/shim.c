#include "ccurl.h"
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *data;
    size_t length;
    size_t capacity;
    int failed;
} buffer;

static void append(buffer *b, const char *bytes, size_t n) {
    if (b->failed || n == 0) return;
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 16384;
        while (capacity < b->length + n) capacity *= 2;
        uint8_t *grown = realloc(b->data, capacity);
        if (!grown) { b->failed = 1; return; }
        b->data = grown;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, n);
    b->length += n;
}

static size_t on_body(char *bytes, size_t size, size_t count, void *user) {
    buffer *b = user;
    append(b, bytes, size * count);
    return b->failed ? 0 : size * count;
}

static size_t on_header(char *bytes, size_t size, size_t count, void *user) {
    buffer *b = user;
    size_t n = size * count;
    /* A status line starts a new response (after a 100 Continue): keep only the last response's headers. */
    if (n >= 5 && memcmp(bytes, "HTTP/", 5) == 0) b->length = 0;
    append(b, bytes, n);
    return b->failed ? 0 : n;
}

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow) {
    (void)dltotal; (void)dlnow; (void)ultotal; (void)ulnow;
    const volatile int *cancel = user;
    return cancel && *cancel ? 1 : 0;
}

int ccurl_global_init(void) { return (int)curl_global_init(CURL_GLOBAL_DEFAULT); }

void *ccurl_handle_new(void) { return curl_easy_init(); }

void ccurl_handle_free(void *handle) { if (handle) curl_easy_cleanup(handle); }

int ccurl_perform(void *handle, const char *method, const char *url, const char *const *headers, size_t header_count,
                  const uint8_t *body, size_t body_length, long timeout_ms, const volatile int *cancel,
                  ccurl_response *out) {
    CURL *h = handle;
    memset(out, 0, sizeof(*out));
    buffer head = {0}, content = {0};
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) list = curl_slist_append(list, headers[i]);
    /* No "Expect: 100-continue" round trip before uploads. */
    list = curl_slist_append(list, "Expect:");

    curl_easy_reset(h);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 30000 ? timeout_ms : 30000L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &content);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &head);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, (void *)cancel);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, out->error);
    if (strcmp(method, "GET") == 0) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (strcmp(method, "HEAD") == 0) {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
        if (body || strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0 || strcmp(method, "PATCH") == 0) {
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? (const char *)body : "");
        }
    }
    CURLcode code = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out->status);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, NULL);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(list);
    if (code == CURLE_OK && (head.failed || content.failed)) code = CURLE_OUT_OF_MEMORY;
    out->headers = (char *)head.data;
    out->headers_length = head.length;
    out->body = content.data;
    out->body_length = content.length;
    return (int)code;
}

void ccurl_free(ccurl_response *response) {
    free(response->headers);
    free(response->body);
    response->headers = NULL;
    response->body = NULL;
}
