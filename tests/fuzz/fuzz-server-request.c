/* fuzz-server-request.c
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

#include <string.h>

#include "kz-fuzz.h"
#include "kz-server-auth.h"
#include "kz-server-private.h"
#include "kz-server-sqlite.h"

/* The whole request handling of kompetenz-server on arbitrary bytes,
 * without a socket: the input is what a client sends on a connection
 * (request line, headers, body, maybe several requests), handed to the
 * server's SoupServer as an in-memory stream.  "@W@" and "@R@" in the
 * input become valid tokens of a writer and a reader, so that the
 * fuzzer gets past authentication. */

static KzServer *server;
static char     *writer_token;
static char     *reader_token;
static guint     n_done;

static char *
issue (KzServerStorage *storage,
       const char      *name,
       KzRole           role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzServerUser) user = NULL;
  char *token = NULL;
  gint64 expires = 0;

  if (!kz_server_auth_add_user (storage, name, role, "Fuzz-Passwort-2026", &error) ||
      !kz_server_storage_begin (storage, FALSE, &error) ||
      !kz_server_storage_get_user (storage, name, &user, &error) ||
      !kz_server_storage_commit (storage, &error) ||
      !kz_server_auth_issue_token (storage, user, 3600, &token, &expires, &error))
    g_error ("cannot set up %s: %s", name, error->message);

  return token;
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  n_done++;
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KzServerSqlite) storage = NULL;
  g_autofree char *path = g_build_filename (kz_fuzz_tmpdir (), "server.db", NULL);

  if (!kz_server_auth_init (&error) ||
      !(storage = kz_server_sqlite_open (path, &error)))
    g_error ("cannot open the server storage: %s", error->message);

  writer_token = issue (KZ_SERVER_STORAGE (storage), "schreiber", KZ_ROLE_STAFF);
  reader_token = issue (KZ_SERVER_STORAGE (storage), "leser", KZ_ROLE_READER);
  server = kz_server_new (KZ_SERVER_STORAGE (storage));
  g_signal_connect (server->soup, "request-finished", G_CALLBACK (request_done_cb), NULL);
  g_signal_connect (server->soup, "request-aborted", G_CALLBACK (request_done_cb), NULL);
}

static GBytes *
expand_tokens (const uint8_t *data,
               size_t         size)
{
  GString *text = g_string_new_len ((const char *)data, size);

  g_string_replace (text, "@W@", writer_token, 0);
  g_string_replace (text, "@R@", reader_token, 0);
  return g_string_free_to_bytes (text);
}

static gboolean
logins_busy (void)
{
  return g_thread_pool_unprocessed (server->login_pool) > 0 ||
         g_thread_pool_get_num_threads (server->login_pool) > 0;
}

/* Runs the main loop until the connection has nothing more to do. */
static void
drain (GIOStream *stream)
{
  guint idle = 0;

  for (guint i = 0; i < 100000 && idle < 3; i++)
    {
      if (g_main_context_iteration (NULL, FALSE) || logins_busy ())
        {
          idle = 0;
          if (logins_busy ())
            g_usleep (1000);
        }
      else
        idle++;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new_from_string ("127.0.0.1", 8470);
  g_autoptr(GSocketAddress) remote = g_inet_socket_address_new_from_string ("127.0.0.1", 40000);

  if (server == NULL)
    setup ();

  input = expand_tokens (data, size);
  in = g_memory_input_stream_new_from_bytes (input);
  out = g_memory_output_stream_new_resizable ();
  stream = g_simple_io_stream_new (in, out);

  if (!soup_server_accept_iostream (server->soup, stream, local, remote, &error))
    g_error ("the server refused the stream: %s", error->message);
  drain (stream);

  /* Whatever came in, the server answered with HTTP or said nothing. */
  if (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)) > 0)
    g_assert_true (strncmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                            "HTTP/1.", 7) == 0);
  return 0;
}
