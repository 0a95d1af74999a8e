/* test-store-sync.c
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
#include <locale.h>

#include "kz-store.h"
#include "kz-store-sync.h"

typedef struct
{
  char    *dir;
  KzStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kz-sync-XXXXXX", NULL);
  path = g_build_filename (f->dir, "portfolio.db", NULL);
  f->store = kz_store_open (path, NULL);
  g_assert_nonnull (f->store);
  g_assert_true (kz_store_set_sync_enabled (f->store, TRUE, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static KzPendingChange *
find_change (GPtrArray  *changes,
             const char *field)
{
  for (guint i = 0; i < changes->len; i++)
    {
      KzPendingChange *c = changes->pdata[i];

      if (g_strcmp0 (c->field, field) == 0)
        return c;
    }

  return NULL;
}

static void
test_pending_and_ack (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  KzPendingChange *title;

  kz_record_set_string (p, "title", "Cloud-Migration der Verwaltung");
  kz_record_set_string (p, "status", "planned");
  kz_record_set_int (p, "budget_planned", 4500000);
  g_assert_true (kz_store_save (f->store, p, NULL));

  changes = kz_store_get_pending (f->store, 100, NULL);
  g_assert_cmpuint (changes->len, ==, 3);
  title = find_change (changes, "title");
  g_assert_cmpstr (title->kind, ==, "project");
  g_assert_cmpstr (title->value, ==, "Cloud-Migration der Verwaltung");
  g_assert_cmpint (title->base, ==, 0);
  g_assert_cmpstr (find_change (changes, "budget_planned")->value, ==, "45000.00");

  /* The title is edited again while the push is under way. */
  kz_record_set_string (p, "title", "Cloud-Migration");
  g_assert_true (kz_store_save (f->store, p, NULL));

  for (guint i = 0; i < changes->len; i++)
    g_assert_true (kz_store_ack_change (f->store, changes->pdata[i], 10 + i, NULL));

  /* Only the newer title edit is left, based on the version just acked. */
  again = kz_store_get_pending (f->store, 100, NULL);
  g_assert_cmpuint (again->len, ==, 1);
  title = again->pdata[0];
  g_assert_cmpstr (title->value, ==, "Cloud-Migration");
  g_assert_cmpint (title->base, >=, 10);
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 1);
}

static void
test_apply_remote (Fixture       *f,
                   gconstpointer  data)
{
  const char *uuid = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
  const KzRemoteField fields[] = {
    { "title", "Digitallotsen für Senior:innen", 5, "carla" },
    { "status", "running", 6, "carla" },
    { "start_date", "2026-09-01", 7, "carla" },
    { "end_date", "2026-08-01", 8, "dirk" },  /* merged from two edits: breaks end >= start */
  };
  const KzRemoteField later[] = {
    { "title", "Digitallotsen 2027", 9, "dirk" },
    { "health", "at_risk", 10, "dirk" },
  };
  const KzRemoteField gone[] = { { "deleted", "true", 11, "emil" } };
  g_autoptr(KzRecord) r = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GListModel) hits = NULL;
  KzHistoryEntry *e;

  g_assert_true (kz_store_apply_remote_record (f->store, KZ_KIND_PROJECT, uuid,
                                               fields, G_N_ELEMENTS (fields), NULL));
  r = kz_store_get (f->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_title (r), ==, "Digitallotsen für Senior:innen");
  g_assert_cmpstr (kz_record_get_string (r, "end_date"), ==, "2026-08-01");
  /* Remote changes are not noted for upload again. */
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 0);
  hits = kz_store_search (f->store, "digitallotsen", 5, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);

  /* A local edit still pending keeps its value against the server's. */
  kz_record_set_string (r, "health", "on_track");
  kz_record_set_string (r, "end_date", "2026-12-31");
  g_assert_true (kz_store_save (f->store, r, NULL));
  g_clear_object (&r);
  g_assert_true (kz_store_apply_remote_record (f->store, KZ_KIND_PROJECT, uuid,
                                               later, G_N_ELEMENTS (later), NULL));
  r = kz_store_get (f->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_cmpstr (kz_record_get_title (r), ==, "Digitallotsen 2027");
  g_assert_cmpstr (kz_record_get_string (r, "health"), ==, "on_track");

  history = kz_store_get_history (f->store, uuid, NULL);
  e = history->pdata[0];
  g_assert_cmpstr (e->field, ==, "title");
  g_assert_cmpstr (e->author, ==, "dirk");
  g_assert_cmpstr (e->old_value, ==, "Digitallotsen für Senior:innen");

  /* The server refuses the local health edit as a conflict: the
   * server's value that arrived meanwhile takes its place. */
  {
    g_autoptr(GPtrArray) pending = kz_store_get_pending (f->store, 0, NULL);
    KzPendingChange *health = find_change (pending, "health");
    KzPendingChange *end = find_change (pending, "end_date");
    g_autoptr(KzRecord) now = NULL;

    g_assert_true (kz_store_reject_change (f->store, health, NULL));
    g_assert_true (kz_store_reject_change (f->store, end, NULL));
    now = kz_store_get (f->store, KZ_KIND_PROJECT, uuid, NULL);
    g_assert_cmpstr (kz_record_get_string (now, "health"), ==, "at_risk");
    /* No server value had arrived for the end date: the local one stays
     * until the next pull brings the server's. */
    g_assert_cmpstr (kz_record_get_string (now, "end_date"), ==, "2026-12-31");
    g_assert_cmpuint (kz_store_count_pending (f->store), ==, 0);
  }

  g_assert_true (kz_store_apply_remote_record (f->store, KZ_KIND_PROJECT, uuid, gone, 1, NULL));
  g_clear_object (&r);
  r = kz_store_get (f->store, KZ_KIND_PROJECT, uuid, NULL);
  g_assert_true (kz_record_get_deleted (r));
}

static void
test_apply_remote_bad_value (Fixture       *f,
                             gconstpointer  data)
{
  const KzRemoteField fields[] = {
    { "name", "Nordlicht IT", 3, NULL },
    { "size", "gigantisch", 4, NULL },
  };
  g_autoptr(GError) error = NULL;

  g_assert_false (kz_store_apply_remote_record (f->store, KZ_KIND_FIRM,
                                                "1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d",
                                                fields, 2, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_FIRM), ==, 0);
}

static void
test_links_cursor_conflicts (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) o = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GListModel) linked = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_conflict_free);
  g_autoptr(GPtrArray) listed = NULL;
  KzConflict c = { "c-1", "project", NULL, "title", "Alt", "Theirs", "Mine", "anna", "ben", 42 };

  kz_record_set_string (p, "title", "Dienstplanung");
  kz_record_set_string (p, "status", "idea");
  kz_record_set_string (o, "name", "Paritätischer Hannover");
  g_assert_true (kz_store_save (f->store, p, NULL));
  g_assert_true (kz_store_save (f->store, o, NULL));

  g_assert_true (kz_store_apply_remote_link (f->store, KZ_LINK_PROJECT_ORGANISATION,
                                             kz_record_get_uuid (p), kz_record_get_uuid (o),
                                             FALSE, NULL));
  linked = kz_store_list_linked (f->store, KZ_LINK_PROJECT_ORGANISATION, kz_record_get_uuid (p), TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 1);

  /* A local unlink still pending is not undone by an older remote state. */
  g_assert_true (kz_store_unlink (f->store, KZ_LINK_PROJECT_ORGANISATION,
                                  kz_record_get_uuid (p), kz_record_get_uuid (o), NULL));
  g_assert_true (kz_store_apply_remote_link (f->store, KZ_LINK_PROJECT_ORGANISATION,
                                             kz_record_get_uuid (p), kz_record_get_uuid (o),
                                             FALSE, NULL));
  g_clear_object (&linked);
  linked = kz_store_list_linked (f->store, KZ_LINK_PROJECT_ORGANISATION, kz_record_get_uuid (p), TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (linked), ==, 0);
  pending = kz_store_get_pending (f->store, 0, NULL);
  g_assert_true (((KzPendingChange *)pending->pdata[pending->len - 1])->link_deleted);

  g_assert_cmpint (kz_store_get_sync_cursor (f->store), ==, 0);
  g_assert_true (kz_store_set_sync_cursor (f->store, 1234, NULL));
  g_assert_cmpint (kz_store_get_sync_cursor (f->store), ==, 1234);

  c.uuid = (char *)kz_record_get_uuid (p);
  g_ptr_array_add (conflicts, kz_conflict_copy (&c));
  g_assert_true (kz_store_replace_conflicts (f->store, conflicts, NULL));
  listed = kz_store_list_conflicts (f->store, NULL);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((KzConflict *)listed->pdata[0])->client_value, ==, "Mine");
  g_ptr_array_set_size (conflicts, 0);
  g_assert_true (kz_store_replace_conflicts (f->store, conflicts, NULL));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kz_store_list_conflicts (f->store, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store-sync/pending-and-ack", test_pending_and_ack);
  ADD ("/store-sync/apply-remote", test_apply_remote);
  ADD ("/store-sync/apply-remote-bad-value", test_apply_remote_bad_value);
  ADD ("/store-sync/links-cursor-conflicts", test_links_cursor_conflicts);
#undef ADD

  return g_test_run ();
}
