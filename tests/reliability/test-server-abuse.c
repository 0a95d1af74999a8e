/* test-server-abuse.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "config.h"

#define _GNU_SOURCE   /* memmem */
#include <glib/gstdio.h>
#include <string.h>

#include "kz-server-auth.h"
#include "kz-server-error.h"
#include "kz-server-sqlite.h"
#include "kz-test-server.h"

/* kompetenz-server under abuse: slow and endless clients do not keep
 * others from being served, logins are limited per address and per
 * user name, a reader cannot write anywhere, no answer carries another
 * user's token or any password hash, and a short wrk run on loopback
 * sees no errors.  (test-server-auth.c and test-server-limits.c cover
 * single logins, roles and the size limits one request at a time.) */

#define N_SLOW        60
#define ANNA_PASSWORD "anna-Passwort-2026"
#define RITA_PASSWORD "rita-Passwort-2026"

static KzTestServer *server;
static char         *anna_token;   /* staff */
static char         *rita_token;   /* reader */

typedef struct
{
  const char *method;
  const char *path;
  const char *body;
  gboolean    writes;
} Endpoint;

/* Every endpoint but login, with a body that would be valid. */
static const Endpoint endpoints[] = {
  { "GET", "/api/v1/status", NULL, FALSE },
  { "GET", "/api/v1/changes?since=0&limit=1000", NULL, FALSE },
  { "POST", "/api/v1/changes", NULL, TRUE },   /* body made per test */
  { "GET", "/api/v1/conflicts", NULL, FALSE },
  { "POST", "/api/v1/conflicts/*/resolve", "{\"value\": \"Lesend geändert\"}", TRUE },
  { "POST", "/api/v1/logout", NULL, FALSE },
};

static GSocketConnection *
connect_raw (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (kz_test_server_get_url (server), G_URI_FLAGS_NONE, &error);
  GSocketConnection *connection;

  g_assert_no_error (error);
  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static gboolean
send_raw (GSocketConnection *connection,
          const void        *data,
          gsize              length)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  return g_output_stream_write_all (out, data, length, NULL, NULL, NULL);
}

static void
assert_served (void)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "GET", "/api/v1/status", anna_token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* Slowloris: many connections send their headers a byte at a time. */
static void
test_slow_clients (void)
{
  const char *request = "GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nX-Langsam: ";
  GSocketConnection *slow[N_SLOW];

  for (guint i = 0; i < N_SLOW; i++)
    {
      slow[i] = connect_raw ();
      g_assert_true (send_raw (slow[i], request, strlen (request)));
    }

  for (guint round = 0; round < 30; round++)
    {
      for (guint i = 0; i < N_SLOW; i++)
        send_raw (slow[i], "a", 1);
      if (round % 5 == 0)
        assert_served ();
      g_usleep (20 * 1000);
    }

  for (guint i = 0; i < N_SLOW; i++)
    g_object_unref (slow[i]);
  assert_served ();
}

/* Headers without end, and a chunked body without end: the server
 * stops reading (or refuses) and others are served all along. */
static void
send_endless (const char *start,
              const char *filler,
              gsize       max_bytes)
{
  g_autoptr(GSocketConnection) connection = connect_raw ();
  g_autoptr(GString) block = g_string_new (NULL);
  gsize sent = 0;

  while (block->len < 64 * 1024)
    g_string_append (block, filler);

  g_assert_true (send_raw (connection, start, strlen (start)));
  while (sent < max_bytes && send_raw (connection, block->str, block->len))
    {
      sent += block->len;
      if (sent % (4 * 1024 * 1024) < block->len)
        assert_served ();
    }

  g_test_message ("the server took %" G_GSIZE_FORMAT " bytes before it stopped reading", sent);
  g_assert_cmpuint (sent, <, max_bytes);
  assert_served ();
}

static void
test_endless_body (void)
{
  g_autofree char *start = g_strdup_printf ("POST /api/v1/changes HTTP/1.1\r\nHost: localhost\r\n"
                                            "Authorization: Bearer %s\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n", anna_token);

  /* Chunks of 16 bytes: {"changes": [ … never closed. */
  send_endless (start, "10\r\n{\"changes\": [1,\r\n", 64 * 1024 * 1024);
}

static void
test_endless_headers (void)
{
  send_endless ("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\n",
                "X-Kopfzeile: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n",
                64 * 1024 * 1024);
}

static guint
login_from (const char *address,
            const char *name,
            const char *password)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GInetSocketAddress) local = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (inet, 0));
  g_autoptr(SoupSession) session = soup_session_new_with_options ("local-address", local,
                                                                  "timeout", 60, NULL);
  g_autofree char *url = g_strconcat (kz_test_server_get_url (server), "api/v1/login", NULL);
  g_autofree char *body = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\"}", name, password);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

/* Password spraying: one address tries many names; after fifty
 * failures even a name it never tried is refused, while another
 * address still gets in. */
static void
test_limit_per_address (void)
{
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("niemand%u", i);

      g_assert_cmpuint (login_from ("127.0.0.7", name, "Sommer2026!"), ==, 401);
    }

  g_assert_cmpuint (login_from ("127.0.0.7", "niemand-neu", "Sommer2026!"), ==, 429);
  g_assert_cmpuint (login_from ("127.0.0.7", "anna", ANNA_PASSWORD), ==, 429);
  g_assert_cmpuint (login_from ("127.0.0.8", "anna", ANNA_PASSWORD), ==, 200);
}

/* One name tried from many addresses, each below its own limit: after
 * fifty failures the name is refused from everywhere for a while. */
static void
test_limit_per_user (void)
{
  kz_test_server_add_user (server, "ziel", "staff", "ziel-Passwort-2026");

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.1.%u", 1 + i / 5);

      g_assert_cmpuint (login_from (address, "ziel", "falsch-falsch"), ==, 401);
    }

  g_assert_cmpuint (login_from ("127.0.2.1", "ziel", "ziel-Passwort-2026"), ==, 429);
  g_assert_cmpuint (login_from ("127.0.2.1", "anna", ANNA_PASSWORD), ==, 200);
}

static gint64
server_cursor (void)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = kz_test_server_request (server, "GET", "/api/v1/status", anna_token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (json_node_get_object (answer), "cursor");
}

/* Opens a conflict and returns its id, so that resolving it would
 * really change something. */
static char *
make_conflict (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *first = kz_test_field_change ("organisation", uuid, "name", "Erster Stand", 0);
  g_autofree char *second = kz_test_field_change ("organisation", uuid, "name", "Zweiter Stand", 1);
  g_autofree char *third = kz_test_field_change ("organisation", uuid, "name", "Dritter Stand", 1);
  g_autofree char *batch1 = kz_test_batch (first, NULL);
  g_autofree char *batch2 = kz_test_batch (second, NULL);
  g_autofree char *batch3 = kz_test_batch (third, NULL);
  guint status = 0;
  g_autoptr(JsonNode) a = kz_test_server_push (server, anna_token, batch1, &status);
  g_autoptr(JsonNode) b = kz_test_server_push (server, anna_token, batch2, &status);
  g_autoptr(JsonNode) c = kz_test_server_push (server, anna_token, batch3, &status);
  JsonObject *result = kz_test_result (c, 0);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "conflict");
  return g_strdup (json_object_get_string_member (result, "conflict"));
}

static char *
endpoint_path (const Endpoint *endpoint,
               const char     *conflict)
{
  g_autoptr(GString) path = g_string_new (endpoint->path);

  g_string_replace (path, "*", conflict, 0);
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* A reader is refused by every endpoint that writes, and nothing
 * changes; it may use every other one. */
static void
test_reader_everywhere (void)
{
  g_autofree char *conflict = make_conflict ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *change = kz_test_field_change ("organisation", uuid, "name", "Vom Leser", 0);
  g_autofree char *push = kz_test_batch (change, NULL);
  gint64 before = server_cursor ();

  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      const Endpoint *endpoint = &endpoints[i];
      g_autofree char *path = endpoint_path (endpoint, conflict);
      g_autoptr(JsonNode) answer = NULL;
      guint status = 0;

      if (g_str_equal (endpoint->path, "/api/v1/logout"))
        continue;   /* would end the reader's session; test-server-auth.c has it */

      answer = kz_test_server_request (server, endpoint->method, path, rita_token,
                                       endpoint->body ? endpoint->body : push, &status);
      g_test_message ("reader %s %s: %u", endpoint->method, path, status);
      if (endpoint->writes)
        {
          g_assert_cmpuint (status, ==, 403);
          g_assert_cmpstr (kz_test_error_code (answer), ==, "forbidden");
        }
      else
        g_assert_cmpuint (status, ==, 200);
    }

  g_assert_cmpint (server_cursor (), ==, before);
}

static void
assert_no_secrets (const char *what,
                   const char *body,
                   const char *own_token)
{
  const char *secrets[] = { anna_token, rita_token, ANNA_PASSWORD, RITA_PASSWORD, "$argon2" };

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      if (g_strcmp0 (secrets[i], own_token) == 0)
        continue;
      if (body != NULL && strstr (body, secrets[i]) != NULL)
        g_error ("%s leaks a secret (#%u): %s", what, i, body);
    }
}

/* Every endpoint's answer (and error answer) to every kind of caller
 * is free of tokens other than the caller's own and of password hashes;
 * nor does the server keep a token itself in its database. */
static void
test_no_secrets (void)
{
  g_autofree char *conflict = make_conflict ();
  const char *push = "{\"changes\": []}";
  const char *callers[] = { anna_token, rita_token, "falsch", NULL };
  g_autofree char *db_path = g_build_filename (kz_test_server_get_data_dir (server), "server.db", NULL);
  g_autofree char *db = NULL;
  gsize db_length = 0;

  for (guint c = 0; c < G_N_ELEMENTS (callers); c++)
    for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
      {
        g_autofree char *path = endpoint_path (&endpoints[i], conflict);
        g_autoptr(JsonNode) answer = NULL;
        g_autofree char *text = NULL;
        guint status = 0;

        if (g_str_equal (endpoints[i].path, "/api/v1/logout") && callers[c] != NULL &&
            !g_str_equal (callers[c], "falsch"))
          continue;
        answer = kz_test_server_request (server, endpoints[i].method, path, callers[c],
                                         endpoints[i].body ? endpoints[i].body : push, &status);
        text = answer ? json_to_string (answer, FALSE) : NULL;
        assert_no_secrets (path, text, callers[c]);
      }

  {
    g_autoptr(JsonNode) refused = NULL;
    g_autofree char *text = NULL;
    guint status = 0;

    refused = kz_test_server_request (server, "POST", "/api/v1/login", NULL,
                                      "{\"user\": \"anna\", \"password\": \"falsch\"}", &status);
    text = json_to_string (refused, FALSE);
    assert_no_secrets ("a refused login", text, NULL);
  }

  g_assert_true (g_file_get_contents (db_path, &db, &db_length, NULL));
  g_assert_null (memmem (db, db_length, anna_token, strlen (anna_token)));
  g_assert_null (memmem (db, db_length, rita_token, strlen (rita_token)));
}

/* A short run of wrk: only errors count, never the speed. */
static void
test_wrk (void)
{
  g_autofree char *wrk = g_find_program_in_path ("wrk");
  g_autofree char *header = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (wrk == NULL)
    {
      g_test_skip ("wrk is not installed (build-aux/install-deps.sh installs it)");
      return;
    }

  header = g_strdup_printf ("Authorization: Bearer %s", rita_token);
  url = g_strconcat (kz_test_server_get_url (server), "api/v1/changes?since=0&limit=50", NULL);
  {
    const char *argv[] = { wrk, "-t2", "-c16", "-d3s", "-H", header, url, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "requests in"));
  g_assert_null (strstr (out, "Socket errors"));
  g_assert_null (strstr (out, "Non-2xx"));
  assert_served ();
}

static char *
issue_token (KzServerStorage *storage,
             const char      *name,
             gint64           lifetime,
             gint64          *expires_out)
{
  g_autoptr(KzServerUser) user = NULL;
  g_autoptr(GError) error = NULL;
  char *token = NULL;
  gint64 expires = 0;

  g_assert_true (kz_server_storage_begin (storage, FALSE, &error));
  g_assert_true (kz_server_storage_get_user (storage, name, &user, &error));
  g_assert_true (kz_server_storage_commit (storage, &error));
  g_assert_true (kz_server_auth_issue_token (storage, user, lifetime, &token, &expires, &error));
  g_assert_no_error (error);
  g_assert_cmpint (expires, <=, g_get_real_time () / G_USEC_PER_SEC + lifetime);
  if (expires_out != NULL)
    *expires_out = expires;
  return token;
}

static void
assert_token (KzServerStorage *storage,
              const char      *token,
              gboolean         valid)
{
  g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(KzServerUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = kz_server_auth_authenticate (storage, header, &error);
  if (valid)
    g_assert_no_error (error);
  else
    g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_UNAUTHORIZED);
}

/* Tokens stop working when they expire, when they are revoked by a
 * logout, and all of a user's tokens when the user is removed. */
static void
test_token_lifetime (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kz-tokens-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "server.db", NULL);
  g_autoptr(KzServerSqlite) sqlite = NULL;
  g_autoptr(GError) error = NULL;
  KzServerStorage *storage;
  g_autofree char *short_lived = NULL, *logged_out = NULL, *removed = NULL;
  g_autofree char *header = NULL;
  gint64 expires = 0;

  g_assert_true (kz_server_auth_init (&error));
  sqlite = kz_server_sqlite_open (path, &error);
  g_assert_no_error (error);
  storage = KZ_SERVER_STORAGE (sqlite);
  g_assert_true (kz_server_auth_add_user (storage, "kurz", KZ_ROLE_STAFF, "kurz-Passwort-2026", &error));
  g_assert_true (kz_server_auth_add_user (storage, "weg", KZ_ROLE_READER, "weg-Passwort-2026", &error));

  short_lived = issue_token (storage, "kurz", 2, &expires);
  /* Valid until it expires (a slow, instrumented run may be past that). */
  if (g_get_real_time () / G_USEC_PER_SEC < expires)
    assert_token (storage, short_lived, TRUE);
  logged_out = issue_token (storage, "kurz", 3600, NULL);
  removed = issue_token (storage, "weg", 3600, NULL);
  assert_token (storage, logged_out, TRUE);
  assert_token (storage, removed, TRUE);

  header = g_strconcat ("Bearer ", logged_out, NULL);
  g_assert_true (kz_server_auth_logout (storage, header, &error));
  assert_token (storage, logged_out, FALSE);

  g_assert_true (kz_server_auth_remove_user (storage, "weg", &error));
  assert_token (storage, removed, FALSE);

  while (g_get_real_time () / G_USEC_PER_SEC <= expires)
    g_usleep (100 * 1000);   /* until past its two-second lifetime */
  assert_token (storage, short_lived, FALSE);

  g_clear_object (&sqlite);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);

  server = kz_test_server_new ();
  kz_test_server_add_user (server, "anna", "staff", ANNA_PASSWORD);
  kz_test_server_add_user (server, "rita", "reader", RITA_PASSWORD);
  kz_test_server_start (server, NULL);
  anna_token = kz_test_server_login (server, "anna", ANNA_PASSWORD);
  rita_token = kz_test_server_login (server, "rita", RITA_PASSWORD);

  g_test_add_func ("/reliability/server/slow-clients", test_slow_clients);
  g_test_add_func ("/reliability/server/endless-body", test_endless_body);
  g_test_add_func ("/reliability/server/endless-headers", test_endless_headers);
  g_test_add_func ("/reliability/server/reader-everywhere", test_reader_everywhere);
  g_test_add_func ("/reliability/server/no-secrets", test_no_secrets);
  g_test_add_func ("/reliability/server/wrk", test_wrk);
  g_test_add_func ("/reliability/server/token-lifetime", test_token_lifetime);
  g_test_add_func ("/reliability/server/limit-per-address", test_limit_per_address);
  g_test_add_func ("/reliability/server/limit-per-user", test_limit_per_user);

  result = g_test_run ();

  kz_test_server_free (server);
  g_free (anna_token);
  g_free (rita_token);
  return result;
}
