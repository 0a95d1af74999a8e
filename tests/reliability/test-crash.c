/* test-crash.c
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

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "kz-test-server.h"

/* Crash safety: kz-crash-writer (src/core, src/exchange, src/sync) and
 * kompetenz-server are killed with SIGKILL at random moments while they
 * edit, import and sync, ROUNDS times in all.  After every kill both
 * databases pass PRAGMA integrity_check and every edit and import the
 * writer reported as committed is there.  At the end the outbox still
 * replays: one more sync round leaves nothing pending and the server
 * has every acknowledged record under its last acknowledged name.
 *
 * The moments come from a seeded GRand; the seed is printed, and
 * KZ_CRASH_SEED=N repeats a run. */

#define ROUNDS        100
#define MAX_DELAY_MS  350
#define PASSWORD      "Absturz-Probe-2026"

typedef enum { MODE_EDIT, MODE_IMPORT, MODE_SYNC, MODE_SERVER } Mode;

typedef struct
{
  char         *dir;
  char         *database;
  KzTestServer *server;
  char         *token;
  GRand        *rand;
  GHashTable   *names;     /* uuid -> last acknowledged name */
  GHashTable   *imports;   /* prefix -> GUINT count */
  guint         n_acks;
  guint         n_kills[4];
} Crash;

static const char *mode_names[] = { "edit", "import", "sync", "sync" };

static void
check_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Killed before the file was made: nothing was acknowledged either. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* uuid -> name of every live organisation in the portfolio. */
static GHashTable *
read_names (const char *path)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return names;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* A writer killed while it created the portfolio leaves no tables. */
  if (sqlite3_prepare_v2 (db, "SELECT uuid, name FROM organisations WHERE deleted = 0",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_assert_true (strstr (sqlite3_errmsg (db), "no such table") != NULL);
      sqlite3_close (db);
      return names;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (names, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return names;
}

static guint
count_prefix (GHashTable *names,
              const char *prefix)
{
  g_autofree char *dash = g_strconcat (prefix, "-", NULL);
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += g_str_has_prefix (value, dash);
  return n;
}

/* A name "E-<seed>-<serial>" acknowledged as @acked, or one the same
 * writer committed later but was killed before it could report. */
static gboolean
same_or_later (const char *found,
               const char *acked)
{
  const char *dash = strrchr (acked, '-');
  gsize prefix = dash - acked + 1;

  if (found == NULL)
    return FALSE;
  if (g_str_equal (found, acked))
    return TRUE;
  return strncmp (found, acked, prefix) == 0 &&
         g_ascii_strtoull (found + prefix, NULL, 10) > g_ascii_strtoull (acked + prefix, NULL, 10);
}

/* Every acknowledged edit and whole import is in the portfolio. */
static void
check_acknowledged (Crash *c)
{
  g_autoptr(GHashTable) names = read_names (c->database);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, c->names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *found = g_hash_table_lookup (names, key);

      if (!same_or_later (found, value))
        g_error ("%s: acknowledged as “%s”, found “%s”", (char *)key, (char *)value, found);
    }

  g_hash_table_iter_init (&iter, c->imports);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpuint (count_prefix (names, key), ==, GPOINTER_TO_UINT (value));
}

static void
note_line (Crash      *c,
           const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", 3);

  if (g_strv_length (words) != 3)
    return;
  if (g_str_equal (words[0], "ACK"))
    {
      g_hash_table_replace (c->names, g_strdup (words[1]), g_strdup (words[2]));
      c->n_acks++;
    }
  else if (g_str_equal (words[0], "IMPORTED"))
    {
      g_hash_table_replace (c->imports, g_strdup (words[1]),
                            GUINT_TO_POINTER ((guint)g_ascii_strtoull (words[2], NULL, 10)));
      c->n_acks++;
    }
}

/* Reads what the killed writer wrote; only whole lines count. */
static void
collect_acks (Crash         *c,
              GInputStream  *out)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (out);
  g_autoptr(GError) error = NULL;
  char *line;
  gsize length;

  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);
  while ((line = g_data_input_stream_read_upto (data, "\n", 1, &length, NULL, &error)) != NULL)
    {
      if (g_data_input_stream_read_byte (data, NULL, NULL) == '\n')
        note_line (c, line);
      g_free (line);
    }
  g_assert_no_error (error);
}

static GSubprocess *
spawn_writer (Crash      *c,
              const char *mode,
              guint       seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  GSubprocess *writer;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("KZ_CRASH_WRITER"), c->database, seed_text, mode,
                             kz_test_server_get_url (c->server), "schreiber", c->token, NULL);
  g_assert_no_error (error);
  return writer;
}

/* Waits for the writer's first report, read byte by byte so that
 * nothing stays in a buffer that collect_acks() would not see. */
static void
wait_first_ack (Crash        *c,
                GInputStream *out)
{
  g_autoptr(GString) line = g_string_new (NULL);
  char byte;

  while (g_input_stream_read (out, &byte, 1, NULL, NULL) == 1 && byte != '\n')
    g_string_append_c (line, byte);
  note_line (c, line->str);
}

static void
sleep_random (Crash *c)
{
  g_usleep (g_rand_int_range (c->rand, 5, MAX_DELAY_MS) * 1000);
}

static void
kill_writer (Crash       *c,
             GSubprocess *writer)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (writer, SIGKILL);
  collect_acks (c, g_subprocess_get_stdout_pipe (writer));
  g_assert_true (g_subprocess_wait (writer, NULL, &error));
  g_assert_no_error (error);
  /* A writer that died by itself (exit 1) failed: that is a bug too. */
  g_assert_true (g_subprocess_get_if_signaled (writer));
  g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);
}

static void
kill_server (Crash *c)
{
  g_autofree char *path = g_build_filename (kz_test_server_get_data_dir (c->server), "server.db", NULL);

  kz_test_server_kill (c->server);
  check_integrity (path);
  kz_test_server_start (c->server, NULL);
}

static void
run_round (Crash *c,
           guint  round)
{
  Mode mode = round % 4;
  g_autoptr(GSubprocess) writer = spawn_writer (c, mode_names[mode], g_rand_int (c->rand));

  /* An import takes long on a slow (say, instrumented) build: the kill
   * hits the second one, at a random point, so that imports are both
   * acknowledged and interrupted whatever the speed. */
  if (mode == MODE_IMPORT)
    wait_first_ack (c, g_subprocess_get_stdout_pipe (writer));
  sleep_random (c);
  if (mode == MODE_SERVER)
    {
      kill_server (c);     /* mid-sync, mid-edit or before the first round */
      sleep_random (c);
    }
  kill_writer (c, writer);
  c->n_kills[mode]++;

  check_integrity (c->database);
  check_acknowledged (c);
}

/* The outbox replays: one more round sends everything, and the server
 * has every acknowledged record under its acknowledged name. */
static void
check_replay (Crash *c)
{
  g_autoptr(GSubprocess) writer = spawn_writer (c, "sync-once", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) server_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) local = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 since = 0;
  gboolean more = TRUE;

  collect_acks (c, g_subprocess_get_stdout_pipe (writer));
  g_assert_true (g_subprocess_wait_check (writer, NULL, &error));
  g_assert_no_error (error);

  while (more)
    {
      g_autoptr(JsonNode) page = kz_test_server_pull (c->server, c->token, since, 1000);
      JsonObject *root = json_node_get_object (page);
      JsonArray *records = json_object_get_array_member (root, "records");

      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *record = json_array_get_object_element (records, i);
          const char *name = kz_test_field_value (record, "name");

          if (name != NULL && !json_object_get_boolean_member (record, "deleted"))
            g_hash_table_replace (server_names, g_strdup (json_object_get_string_member (record, "uuid")),
                                  g_strdup (name));
        }
      since = json_object_get_int_member (root, "cursor");
      more = json_object_get_boolean_member (root, "more");
    }

  local = read_names (c->database);
  g_hash_table_iter_init (&iter, local);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (server_names, key), ==, value);
  g_test_message ("%u records on the server after the replay", g_hash_table_size (server_names));
}

static void
test_kill_everything (void)
{
  Crash c = { 0 };
  guint seed = g_getenv ("KZ_CRASH_SEED") ? (guint)g_ascii_strtoull (g_getenv ("KZ_CRASH_SEED"), NULL, 10)
                                          : (guint)g_random_int ();

  g_test_message ("seed %u (KZ_CRASH_SEED=%u repeats this run)", seed, seed);
  c.rand = g_rand_new_with_seed (seed);
  c.dir = g_dir_make_tmp ("kz-crash-XXXXXX", NULL);
  c.database = g_build_filename (c.dir, "portfolio.db", NULL);
  c.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.imports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.server = kz_test_server_new ();
  kz_test_server_add_user (c.server, "schreiber", "staff", PASSWORD);
  kz_test_server_start (c.server, NULL);
  c.token = kz_test_server_login (c.server, "schreiber", PASSWORD);

  for (guint round = 0; round < ROUNDS; round++)
    run_round (&c, round);

  g_test_message ("%u kills (%u edit, %u import, %u sync, %u server), %u commits acknowledged",
                  ROUNDS, c.n_kills[MODE_EDIT], c.n_kills[MODE_IMPORT], c.n_kills[MODE_SYNC],
                  c.n_kills[MODE_SERVER], c.n_acks);
  g_assert_cmpuint (c.n_acks, >, ROUNDS);   /* the kills did hit work in progress */
  g_assert_cmpuint (g_hash_table_size (c.imports), >, 0);

  check_replay (&c);

  kz_test_server_free (c.server);
  g_hash_table_unref (c.names);
  g_hash_table_unref (c.imports);
  g_rand_free (c.rand);
  g_unlink (c.database);
  {
    const char *suffixes[] = { "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *side = g_strconcat (c.database, suffixes[i], NULL);
        g_unlink (side);
      }
  }
  g_rmdir (c.dir);
  g_free (c.database);
  g_free (c.dir);
  g_free (c.token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reliability/crash/kill-everything", test_kill_everything);
  return g_test_run ();
}
