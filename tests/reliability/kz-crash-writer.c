/* kz-crash-writer.c
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

#include <stdio.h>
#include <stdlib.h>

#include "kz-csv-import.h"
#include "kz-store-sync.h"
#include "kz-store.h"
#include "kz-sync-client.h"

/* The store writer that test-crash kills: it edits, imports CSV files
 * and syncs a portfolio in a loop until it is killed, and reports on
 * standard output, after each commit returned, what it just committed:
 *
 *   ACK <uuid> <name>        a record saved (new or renamed)
 *   IMPORTED <prefix> <n>    a CSV import of n organisations named <prefix>-<i>
 *   SYNCED <pending>         a sync round finished
 *
 * Usage: kz-crash-writer DATABASE SEED MODE [URL USER TOKEN]
 * MODE is edit, import, sync (edits and syncs) or sync-once (one round,
 * then exit 0 when nothing is left pending).  Any failure exits 1. */

typedef struct
{
  KzStore      *store;
  KzSyncClient *sync;
  GRand        *rand;
  GPtrArray    *mine;      /* uuids this process saved */
  guint         serial;
  guint         seed;
} Writer;

static void
fail (const char   *what,
      const GError *error)
{
  fprintf (stderr, "kz-crash-writer: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static void
edit_once (Writer *w)
{
  g_autoptr(KzRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("E-%u-%u", w->seed, w->serial++);

  if (w->mine->len > 0 && g_rand_int_range (w->rand, 0, 3) == 0)
    {
      const char *uuid = g_ptr_array_index (w->mine, g_rand_int_range (w->rand, 0, w->mine->len));

      if (!(record = kz_store_get (w->store, KZ_KIND_ORGANISATION, uuid, &error)))
        fail ("get", error);
    }
  else
    record = kz_record_new (KZ_KIND_ORGANISATION);

  kz_record_set_string (record, "name", name);
  kz_record_set_string (record, "city", g_rand_boolean (w->rand) ? "Hannover" : "Köln");
  if (!kz_store_save (w->store, record, &error))
    fail ("save", error);
  if (!g_ptr_array_find_with_equal_func (w->mine, kz_record_get_uuid (record), g_str_equal, NULL))
    g_ptr_array_add (w->mine, g_strdup (kz_record_get_uuid (record)));

  printf ("ACK %s %s\n", kz_record_get_uuid (record), name);
  fflush (stdout);
}

static void
import_once (Writer *w)
{
  g_autoptr(GString) csv = g_string_new ("Name;Ort;PLZ\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("I-%u-%u", w->seed, w->serial++);
  guint n = g_rand_int_range (w->rand, 20, 120);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s-%u;Celle;%05u\r\n", prefix, i, 29221 + i);
  bytes = g_bytes_new (csv->str, csv->len);

  if (!(import = kz_csv_import_new_for_bytes (w->store, KZ_KIND_ORGANISATION, bytes, &error)))
    fail ("import", error);
  /* Every row is a new organisation, whatever the duplicate check
   * thinks of similar names from earlier imports. */
  kz_csv_import_set_duplicate_policy (import, KZ_CSV_DUPLICATE_KEEP_BOTH);
  if (!kz_csv_import_run (import, NULL, NULL, NULL, NULL, &error))
    fail ("import", error);
  if (kz_csv_import_get_n_created (import) != n)
    fail ("import created fewer records than rows", NULL);

  printf ("IMPORTED %s %u\n", prefix, n);
  fflush (stdout);
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  KzSyncStats stats;

  if (!kz_sync_client_sync_finish (KZ_SYNC_CLIENT (source), result, &stats, error) && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sync failed");
  else if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

/* One round; FALSE when it failed (a killed server is expected). */
static gboolean
sync_once (Writer *w)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  kz_sync_client_sync_async (w->sync, NULL, sync_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  ok = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  printf ("SYNCED %s %u\n", ok ? "ok" : "failed", kz_store_count_pending (w->store));
  fflush (stdout);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Writer w = { 0 };
  const char *mode;

  if (argc != 4 && argc != 7)
    {
      fprintf (stderr, "usage: kz-crash-writer DATABASE SEED MODE [URL USER TOKEN]\n");
      return 2;
    }

  w.seed = (guint)g_ascii_strtoull (argv[2], NULL, 10);
  mode = argv[3];
  w.rand = g_rand_new_with_seed (w.seed);
  w.mine = g_ptr_array_new_with_free_func (g_free);
  if (!(w.store = kz_store_open (argv[1], &error)))
    fail ("open", error);
  kz_store_set_author (w.store, "schreiber");

  if (argc == 7)
    {
      if (!kz_store_set_sync_enabled (w.store, TRUE, &error))
        fail ("enable sync", error);
      w.sync = kz_sync_client_new (w.store);
      kz_sync_client_set_account (w.sync, argv[4], argv[5], argv[6]);
    }

  if (g_str_equal (mode, "sync-once"))
    return sync_once (&w) && kz_store_count_pending (w.store) == 0 ? 0 : 1;

  for (;;)
    {
      if (g_str_equal (mode, "import"))
        import_once (&w);
      else if (g_str_equal (mode, "sync") && w.sync != NULL && g_rand_int_range (w.rand, 0, 4) == 0)
        sync_once (&w);
      else
        edit_once (&w);
    }
}
