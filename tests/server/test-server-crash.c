/* test-server-crash.c
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

#include <sqlite3.h>
#include <string.h>

#include "kz-test-server.h"

/* The server is killed with SIGKILL while a stream of pushes goes on,
 * at different moments of a batch, and restarted.  The batch whose
 * answer was lost is pushed again: it must apply exactly once (all of
 * it, or none of it before the retry), and the database must pass
 * PRAGMA integrity_check. */

#define BATCH_SIZE    200
#define CALM_BATCHES  2
#define ROUNDS        9

typedef struct
{
  KzTestServer *server;
  char         *token;
  GHashTable   *names;    /* uuid -> name pushed */
  guint         pushed;   /* changes, each applied exactly once */
} Stream;

static char *
make_batch (Stream *stream)
{
  GString *batch = g_string_new ("{\"changes\": [");

  for (guint i = 0; i < BATCH_SIZE; i++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("Verein %u", g_hash_table_size (stream->names));
      g_autofree char *change = kz_test_field_change ("organisation", uuid, "name", name, 0);

      g_string_append_printf (batch, "%s%s", i ? ", " : "", change);
      g_hash_table_insert (stream->names, g_steal_pointer (&uuid), g_steal_pointer (&name));
    }

  g_string_append (batch, "]}");
  return g_string_free (batch, FALSE);
}

/* Pushes @batch and returns how many of its results are "applied";
 * every other result must be "duplicate". */
static guint
push_batch (Stream     *stream,
            const char *batch)
{
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0, applied = 0;

  answer = kz_test_server_push (stream->server, stream->token, batch, &status);
  g_assert_cmpuint (status, ==, 200);

  for (guint i = 0; i < BATCH_SIZE; i++)
    {
      const char *result = json_object_get_string_member (kz_test_result (answer, i), "status");

      if (g_str_equal (result, "applied"))
        applied++;
      else
        g_assert_cmpstr (result, ==, "duplicate");
    }

  return applied;
}

static void
check_integrity (KzTestServer *server)
{
  g_autofree char *path = g_build_filename (kz_test_server_get_data_dir (server), "server.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* PostgreSQL recovers from its write-ahead log on its own; there is
   * no file of the server's to check. */
  if (kz_test_server_get_database (server) != NULL)
    return;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  /* Answered before the kill, or cut off by it: both are fine here. */
  answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  *done = TRUE;
}

static void
wrote_body_cb (SoupMessage *msg,
               gboolean    *wrote)
{
  *wrote = TRUE;
}

/* Sends @batch and kills the server @delay microseconds after the
 * request went out. */
static void
push_and_kill (Stream     *stream,
               const char *batch,
               gint64      delay)
{
  g_autofree char *uri = g_strconcat (kz_test_server_get_url (stream->server), "api/v1/changes", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", stream->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) body = g_bytes_new (batch, strlen (batch));
  gboolean wrote = FALSE, done = FALSE;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  g_signal_connect (msg, "wrote-body", G_CALLBACK (wrote_body_cb), &wrote);
  soup_session_send_and_read_async (kz_test_server_get_session (stream->server), msg,
                                    G_PRIORITY_DEFAULT, NULL, sent_cb, &done);

  while (!wrote && !done)
    g_main_context_iteration (NULL, TRUE);
  g_usleep (delay);
  kz_test_server_kill (stream->server);

  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
check_everything_once (Stream *stream)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 since = 0;
  gboolean more = TRUE;

  while (more)
    {
      g_autoptr(JsonNode) page = kz_test_server_pull (stream->server, stream->token, since, 1000);
      JsonObject *object = json_node_get_object (page);
      JsonArray *records = json_object_get_array_member (object, "records");

      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *record = json_array_get_object_element (records, i);
          const char *uuid = json_object_get_string_member (record, "uuid");

          g_assert_cmpstr (kz_test_field_value (record, "name"), ==,
                           g_hash_table_lookup (stream->names, uuid));
          g_assert_true (g_hash_table_add (seen, g_strdup (uuid)));
        }

      since = json_object_get_int_member (object, "cursor");
      more = json_object_get_boolean_member (object, "more");
    }

  /* Every change got exactly one version: no gap, nothing twice. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, stream->pushed);
  g_assert_cmpint (since, ==, stream->pushed);
}

static void
test_kill_and_retry (void)
{
  const gint64 delays[ROUNDS] = { 0, 5000, 20000, 30000, 40000, 50000, 70000, 100000, 500000 };
  Stream stream = { kz_test_server_new (), NULL,
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), 0 };
  guint committed = 0;

  kz_test_server_add_user (stream.server, "anna", "staff", "anna-password");
  kz_test_server_start (stream.server, NULL);
  stream.token = kz_test_server_login (stream.server, "anna", "anna-password");

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *lost = NULL;
      guint applied;

      for (guint i = 0; i < CALM_BATCHES; i++)
        {
          g_autofree char *batch = make_batch (&stream);

          g_assert_cmpuint (push_batch (&stream, batch), ==, BATCH_SIZE);
          stream.pushed += BATCH_SIZE;
        }

      lost = make_batch (&stream);
      push_and_kill (&stream, lost, delays[round]);
      check_integrity (stream.server);

      /* The token outlives the restart; the retry applies all or nothing. */
      kz_test_server_start (stream.server, NULL);
      applied = push_batch (&stream, lost);
      g_test_message ("round %u: %u of %u applied on retry", round, applied, BATCH_SIZE);
      g_assert_true (applied == 0 || applied == BATCH_SIZE);
      committed += applied == 0;
      stream.pushed += BATCH_SIZE;
    }

  g_test_message ("%u of %d killed batches had been committed", committed, ROUNDS);
  check_everything_once (&stream);
  kz_test_server_stop (stream.server);
  check_integrity (stream.server);

  kz_test_server_free (stream.server);
  g_hash_table_unref (stream.names);
  g_free (stream.token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kz_test_backend_init ();

  g_test_add_func ("/server/crash/kill-and-retry", test_kill_and_retry);

  return g_test_run ();
}
