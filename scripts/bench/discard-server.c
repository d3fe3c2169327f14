/*
 * The bench's stand-in for S3 on large parts: an HTTP/1.1 server on 127.0.0.1 that reads each
 * request body and throws it away, so the figures measure the client, not the server (moto keeps
 * and hashes every part in Python). It answers `Expect: 100-continue` with 100 Continue and
 * every request with 200 and a fixed ETag, which is all upload-part prints. With a certificate
 * and key it speaks TLS (OpenSSL), for the https figures.
 *
 *   cc -O2 -D_GNU_SOURCE -o discard-server discard-server.c -lpthread -lssl -lcrypto
 *   ./discard-server [CERT.pem KEY.pem]     # prints the port, then serves until killed
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUFFER_BYTES (1 << 20)

static const char CONTINUE[] = "HTTP/1.1 100 Continue\r\n\r\n";
static const char RESPONSE[] =
    "HTTP/1.1 200 OK\r\nETag: \"d41d8cd98f00b204e9800998ecf8427e\"\r\nContent-Length: 0\r\n\r\n";

static SSL_CTX *tls_context = NULL;

/* One connection, plain or TLS: reads and writes go through these two. */
struct connection {
  int fd;
  SSL *tls;
};

static ssize_t connection_read(struct connection *connection, char *buffer, size_t size) {
  if (connection->tls == NULL) return read(connection->fd, buffer, size);
  int got = SSL_read(connection->tls, buffer, size > INT32_MAX ? INT32_MAX : (int)size);
  return got > 0 ? got : -1;
}

static int connection_write(struct connection *connection, const char *text, size_t size) {
  if (connection->tls == NULL) return write(connection->fd, text, size) == (ssize_t)size ? 0 : -1;
  return SSL_write(connection->tls, text, (int)size) == (int)size ? 0 : -1;
}

/* The value of header `name` in the header block, or NULL. */
static const char *header_value(const char *headers, const char *name) {
  size_t length = strlen(name);
  for (const char *line = strstr(headers, "\r\n"); line != NULL; line = strstr(line + 2, "\r\n")) {
    if (strncasecmp(line + 2, name, length) == 0 && line[2 + length] == ':') return line + 3 + length;
  }
  return NULL;
}

/* Bytes already read past what has been consumed: buffer[start, filled). */
struct reader {
  struct connection *connection;
  char *buffer;
  size_t start;
  size_t filled;
};

/* Refills the buffer after its unconsumed bytes; 0 at the end of the connection. */
static int reader_fill(struct reader *reader) {
  if (reader->start > 0) {
    memmove(reader->buffer, reader->buffer + reader->start, reader->filled - reader->start);
    reader->filled -= reader->start;
    reader->start = 0;
  }
  if (reader->filled >= BUFFER_BYTES - 1) return 0;
  ssize_t got = connection_read(reader->connection, reader->buffer + reader->filled, BUFFER_BYTES - 1 - reader->filled);
  if (got <= 0) return 0;
  reader->filled += (size_t)got;
  return 1;
}

/* Throws away `count` bytes of body. */
static int reader_skip(struct reader *reader, long long count) {
  while (count > 0) {
    size_t available = reader->filled - reader->start;
    if (available == 0) {
      reader->start = reader->filled = 0;
      if (!reader_fill(reader)) return 0;
      continue;
    }
    size_t taken = (long long)available < count ? available : (size_t)count;
    reader->start += taken;
    count -= (long long)taken;
  }
  return 1;
}

/* The next CRLF-ended line, NUL-terminated in place (CRLF removed); NULL at the end. */
static char *reader_line(struct reader *reader) {
  char *end;
  while ((end = memmem(reader->buffer + reader->start, reader->filled - reader->start, "\r\n", 2)) == NULL) {
    if (!reader_fill(reader)) return NULL;
  }
  char *line = reader->buffer + reader->start;
  *end = '\0';
  reader->start = (size_t)(end - reader->buffer) + 2;
  return line;
}

/* A `Transfer-Encoding: chunked` body (upload-part over https sends one): every chunk, then the trailer. */
static int skip_chunked_body(struct reader *reader) {
  for (;;) {
    char *size_line = reader_line(reader);
    if (size_line == NULL) return 0;
    long long size = strtoll(size_line, NULL, 16);
    if (size == 0) break;
    if (!reader_skip(reader, size + 2)) return 0;
  }
  for (;;) {
    char *trailer_line = reader_line(reader);
    if (trailer_line == NULL) return 0;
    if (*trailer_line == '\0') return 1;
  }
}

static void *serve(void *argument) {
  struct connection plain = {.fd = (int)(long)argument, .tls = NULL};
  struct connection *connection = &plain;
  char *buffer = malloc(BUFFER_BYTES);
  if (tls_context != NULL) {
    plain.tls = SSL_new(tls_context);
    SSL_set_fd(plain.tls, plain.fd);
    if (SSL_accept(plain.tls) != 1) goto done;
  }
  struct reader reader = {.connection = connection, .buffer = buffer, .start = 0, .filled = 0};
  for (;;) {
    char *end = NULL;
    while ((end = memmem(buffer + reader.start, reader.filled - reader.start, "\r\n\r\n", 4)) == NULL) {
      if (!reader_fill(&reader)) goto done;
    }
    *end = '\0';
    const char *headers = buffer + reader.start;
    const char *length_text = header_value(headers, "content-length");
    const char *transfer_encoding = header_value(headers, "transfer-encoding");
    int chunked = transfer_encoding != NULL && strcasestr(transfer_encoding, "chunked") != NULL;
    long long remaining = length_text ? atoll(length_text) : 0;
    const char *expect = header_value(headers, "expect");
    if (expect != NULL && strcasestr(expect, "100-continue") != NULL) connection_write(connection, CONTINUE, sizeof CONTINUE - 1);
    reader.start = (size_t)(end - buffer) + 4;
    if (chunked ? !skip_chunked_body(&reader) : !reader_skip(&reader, remaining)) goto done;
    if (connection_write(connection, RESPONSE, sizeof RESPONSE - 1) != 0) goto done;
  }
done:
  free(buffer);
  if (plain.tls != NULL) SSL_free(plain.tls);
  close(plain.fd);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc == 3) {
    tls_context = SSL_CTX_new(TLS_server_method());
    if (SSL_CTX_use_certificate_chain_file(tls_context, argv[1]) != 1 ||
        SSL_CTX_use_PrivateKey_file(tls_context, argv[2], SSL_FILETYPE_PEM) != 1) {
      fprintf(stderr, "discard-server: cannot load %s / %s\n", argv[1], argv[2]);
      return 1;
    }
  }
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK), .sin_port = 0};
  socklen_t size = sizeof address;
  if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 64) != 0 ||
      getsockname(listener, (struct sockaddr *)&address, &size) != 0) {
    perror("discard-server");
    return 1;
  }
  printf("%d\n", ntohs(address.sin_port));
  fflush(stdout);
  for (;;) {
    int connection = accept(listener, NULL, NULL);
    if (connection < 0) continue;
    pthread_t thread;
    pthread_create(&thread, NULL, serve, (void *)(long)connection);
    pthread_detach(thread);
  }
}
