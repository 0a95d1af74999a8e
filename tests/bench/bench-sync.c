/* bench-sync.c
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

/* Measures sync inside one process, as the app does it: a first sync
 * of a whole portfolio pushed to an empty server, a first sync of an
 * empty portfolio pulling all of it back, and then rounds of one
 * change (edit one record, sync it until the server has acknowledged
 * it; then the second client pulls it) with both clients signed in
 * all along.  Prints "name: value" lines that run-bench.py collects.
 *
 * Usage: bench-sync URL USER PASSWORD PUSH.db PULL.db ROUNDS */

#include "config.h"

#include <stdlib.h>

#include "bench-util.h"
#include "kz-store-sync.h"
#include "kz-sync-client.h"

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-sync: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static KzSyncClient *
sign_in (KzStore    *store,
         const char *url,
         const char *user,
         const char *password)
{
  g_autoptr(KzSyncClient) client = kz_sync_client_new (store);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  kz_sync_client_login_async (client, url, user, password, NULL, store_result, &result);
  wait_for (&result);
  if (!(token = kz_sync_client_login_finish (client, result, &error)))
    die ("login", error);

  return g_steal_pointer (&client);
}

/* One sync round; returns its duration in seconds. */
static double
timed_sync (KzSyncClient *client,
            KzSyncStats  *stats)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  kz_sync_client_sync_async (client, NULL, store_result, &result);
  wait_for (&result);
  if (!kz_sync_client_sync_finish (client, result, stats, &error))
    die ("sync", error);

  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

static KzStore *
open_store (const char *path,
            const char *author)
{
  g_autoptr(GError) error = NULL;
  KzStore *store = kz_store_open (path, &error);

  if (store == NULL)
    die (path, error);
  kz_store_set_author (store, author);
  return store;
}

static void
print_spread (const char *name,
              GArray     *ms)
{
  g_print ("%s-median-ms: %.1f\n", name, bench_median (ms));
  g_print ("%s-max-ms: %.1f\n", name, bench_maximum (ms));
}

/* Edits the title of @uuid in @a, syncs @a until acknowledged, then
 * syncs @b and checks that the title arrived. */
static void
one_change (KzStore      *a,
            KzSyncClient *client_a,
            KzStore      *b,
            KzSyncClient *client_b,
            const char   *uuid,
            guint         round,
            GArray       *push_ms,
            GArray       *pull_ms)
{
  g_autoptr(KzRecord) record = kz_store_get (a, KZ_KIND_PROJECT, uuid, NULL);
  g_autoptr(KzRecord) arrived = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Messrunde %u", round);
  KzSyncStats stats = { 0 };
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (record == NULL || !kz_record_set_text (record, "title", title, &error) ||
      !kz_store_save (a, record, &error))
    die ("edit", error);
  timed_sync (client_a, &stats);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (stats.pushed != 1 || kz_store_count_pending (a) != 0)
    die ("the change was not acknowledged", NULL);
  g_array_append_val (push_ms, ms);

  ms = timed_sync (client_b, &stats) * 1000.0;
  arrived = kz_store_get (b, KZ_KIND_PROJECT, uuid, NULL);
  if (arrived == NULL || g_strcmp0 (kz_record_get_title (arrived), title) != 0)
    die ("the change did not arrive", NULL);
  g_array_append_val (pull_ms, ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KzStore) a = NULL;
  g_autoptr(KzStore) b = NULL;
  g_autoptr(KzSyncClient) client_a = NULL;
  g_autoptr(KzSyncClient) client_b = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(KzRecord) first = NULL;
  g_autoptr(GArray) push_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pull_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uuid = NULL;
  KzSyncStats stats = { 0 };
  guint rounds;
  double seconds;

  if (argc != 7)
    {
      g_printerr ("usage: bench-sync URL USER PASSWORD PUSH.db PULL.db ROUNDS\n");
      return 2;
    }
  rounds = MAX (1, atoi (argv[6]));

  a = open_store (argv[4], argv[2]);
  b = open_store (argv[5], argv[2]);
  client_a = sign_in (a, argv[1], argv[2], argv[3]);
  client_b = sign_in (b, argv[1], argv[2], argv[3]);

  g_print ("pending-changes: %u\n", kz_store_count_pending (a));
  seconds = timed_sync (client_a, &stats);
  g_print ("first-push-s: %.2f\n", seconds);
  g_print ("first-push-changes: %u\n", stats.pushed);

  stats = (KzSyncStats) { 0 };
  seconds = timed_sync (client_b, &stats);
  g_print ("first-pull-s: %.2f\n", seconds);
  g_print ("first-pull-records: %u\n", stats.pulled);

  projects = kz_store_list (a, KZ_KIND_PROJECT, NULL);
  if (projects == NULL || g_list_model_get_n_items (projects) == 0)
    die ("the portfolio has no projects", NULL);
  first = g_list_model_get_item (projects, 0);
  uuid = g_strdup (kz_record_get_uuid (first));

  for (guint i = 0; i < rounds; i++)
    one_change (a, client_a, b, client_b, uuid, i, push_ms, pull_ms);
  print_spread ("one-change-push", push_ms);
  print_spread ("one-change-pull", pull_ms);

  return 0;
}
