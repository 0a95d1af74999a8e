/* test-record-list.c
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

#include "kz-record-list.h"
#include "kz-record-query.h"

typedef struct
{
  char    *dir;
  char    *path;
  KzStore *store;
  char    *celle;    /* uuid of the organisation "Caritas Celle" */
  char    *nord;     /* uuid of "Diakonie Nord" */
} Fixture;

static char *
save_organisation (KzStore    *store,
                   const char *name,
                   const char *city,
                   gint64      staff)
{
  g_autoptr(KzRecord) record = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (record, "name", name);
  if (city != NULL)
    kz_record_set_string (record, "city", city);
  if (staff >= 0)
    kz_record_set_int (record, "staff", staff);
  g_assert_true (kz_store_save (store, record, &error));
  g_assert_no_error (error);

  return g_strdup (kz_record_get_uuid (record));
}

static void
save_contact (KzStore    *store,
              const char *name,
              const char *organisation)
{
  g_autoptr(KzRecord) record = kz_record_new (KZ_KIND_CONTACT);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (record, "name", name);
  kz_record_set_string (record, "role", "management");
  kz_record_set_string (record, "organisation_id", organisation);
  g_assert_true (kz_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = NULL;

  f->dir = g_dir_make_tmp ("kz-record-list-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "portfolio.db", NULL);
  f->store = kz_store_open (f->path, &error);
  g_assert_no_error (error);

  f->celle = save_organisation (f->store, "Caritas Celle", "Celle", 40);
  g_free (save_organisation (f->store, "awo Braunschweig", "Braunschweig", -1));
  f->nord = save_organisation (f->store, "Diakonie Nord", "Hannover", 120);
  g_free (save_organisation (f->store, "Bürgerhilfe", NULL, 7));
  gone = save_organisation (f->store, "Aufgelöster Verein", "Celle", 3);
  g_assert_true (kz_store_delete (f->store, KZ_KIND_ORGANISATION, gone, &error));
  g_assert_no_error (error);

  save_contact (f->store, "Zoe Celle", f->celle);
  save_contact (f->store, "Anna Nord", f->nord);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->celle);
  g_free (f->nord);
}

/* The names of the rows, joined by "|". */
static char *
dup_names (GListModel *model,
           const char *field)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? "|" : "", kz_record_get_string (record, field));
    }

  return g_string_free (names, FALSE);
}

static void
refresh (KzRecordList *list)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_record_list_refresh (list, &error));
  g_assert_no_error (error);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == KZ_TYPE_RECORD);

  /* By title, ignoring case; the deleted organisation is left out. */
  refresh (list);
  up = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (up, ==, "awo Braunschweig|Bürgerhilfe|Caritas Celle|Diakonie Nord");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));

  kz_record_list_set_sort (list, NULL, TRUE);
  refresh (list);
  down = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (down, ==, "Diakonie Nord|Caritas Celle|Bürgerhilfe|awo Braunschweig");
}

static void
test_sort_fields (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autoptr(KzRecordList) contacts = kz_record_list_new (f->store, KZ_KIND_CONTACT);
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *by_city = NULL;
  g_autofree char *by_org = NULL;
  g_autofree char *by_org_down = NULL;

  /* Numbers sort as numbers, empty values first (as the lists always
   * sorted them), so last when descending. */
  kz_record_list_set_sort (list, "staff", FALSE);
  refresh (list);
  up = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (up, ==, "awo Braunschweig|Bürgerhilfe|Caritas Celle|Diakonie Nord");
  kz_record_list_set_sort (list, "staff", TRUE);
  refresh (list);
  down = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (down, ==, "Diakonie Nord|Caritas Celle|Bürgerhilfe|awo Braunschweig");
  g_assert_cmpstr (kz_record_list_get_sort_field (list), ==, "staff");
  g_assert_true (kz_record_list_get_descending (list));

  kz_record_list_set_sort (list, "city", FALSE);
  refresh (list);
  by_city = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (by_city, ==, "Bürgerhilfe|awo Braunschweig|Caritas Celle|Diakonie Nord");

  /* A reference sorts by the name of the record it points to. */
  kz_record_list_set_sort (contacts, "organisation_id", FALSE);
  refresh (contacts);
  by_org = dup_names (G_LIST_MODEL (contacts), "name");
  g_assert_cmpstr (by_org, ==, "Zoe Celle|Anna Nord");
  kz_record_list_set_sort (contacts, "organisation_id", TRUE);
  refresh (contacts);
  by_org_down = dup_names (G_LIST_MODEL (contacts), "name");
  g_assert_cmpstr (by_org_down, ==, "Anna Nord|Zoe Celle");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autofree char *celle = NULL;
  g_autofree char *two = NULL;
  g_autofree char *accents = NULL;
  g_autofree char *by_staff = NULL;

  /* Word starts in any searchable field, only of this kind: the
   * contact "Zoe Celle" and the deleted organisation stay out. */
  kz_record_list_set_search (list, "cel");
  refresh (list);
  celle = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (celle, ==, "Caritas Celle");

  kz_record_list_set_search (list, "diak hannover");
  refresh (list);
  two = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (two, ==, "Diakonie Nord");

  kz_record_list_set_search (list, "burger");
  refresh (list);
  accents = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (accents, ==, "Bürgerhilfe");

  kz_record_list_set_search (list, "\"*^ verein-gibt-es-nicht");
  refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* The search keeps the order of the sort column. */
  kz_record_list_set_sort (list, "staff", TRUE);
  kz_record_list_set_search (list, "b");
  refresh (list);
  by_staff = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (by_staff, ==, "Bürgerhilfe|awo Braunschweig");

  /* Blank means every record. */
  kz_record_list_set_search (list, "  ");
  g_assert_null (kz_record_list_get_search (list));
  refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autoptr(KzRecord) first = NULL;
  g_autoptr(KzRecord) again = NULL;
  g_autoptr(KzRecord) reread = NULL;
  g_autoptr(GError) error = NULL;

  refresh (list);
  g_assert_cmpuint (kz_record_list_get_n_cached (list), ==, 0);

  /* Records are read only when asked for, and kept while recent. */
  kz_record_list_set_cache_size (list, 2);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpuint (kz_record_list_get_n_cached (list), ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  g_clear_object (&again);

  for (guint i = 1; i < 4; i++)
    {
      g_autoptr(KzRecord) other = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (other);
    }
  g_assert_cmpuint (kz_record_list_get_n_cached (list), ==, 2);

  /* The first one fell out of the cache: it is read afresh, with an
   * edit made since. */
  kz_record_set_string (first, "city", "Lüneburg");
  g_assert_true (kz_store_save (f->store, first, &error));
  g_assert_no_error (error);
  reread = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (reread != first);
  g_assert_cmpstr (kz_record_get_uuid (reread), ==, kz_record_get_uuid (first));
  g_assert_cmpstr (kz_record_get_string (reread, "city"), ==, "Lüneburg");

  /* A refresh empties the cache. */
  refresh (list);
  g_assert_cmpuint (kz_record_list_get_n_cached (list), ==, 0);
}

typedef struct
{
  guint    changes;
  guint    removed;
  guint    added;
  guint    pending;
  GString *log;       /* "position-removed+added " of every change */
} Counter;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counter    *counter)
{
  counter->changes++;
  counter->removed = removed;
  counter->added = added;
  g_string_append_printf (counter->log, "%u-%u+%u ", position, removed, added);
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Counter *counter = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_record_list_refresh_finish (KZ_RECORD_LIST (object), result, &error));
  g_assert_no_error (error);
  counter->pending--;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autofree char *names = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  Counter counter = { .log = log };

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &counter);

  /* Two refreshes in a row: only the later one's rows are shown. */
  kz_record_list_set_sort (list, NULL, FALSE);
  kz_record_list_refresh_async (list, NULL, refreshed_cb, &counter);
  kz_record_list_set_sort (list, NULL, TRUE);
  kz_record_list_refresh_async (list, NULL, refreshed_cb, &counter);
  counter.pending = 2;
  while (counter.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (counter.changes, ==, 1);
  g_assert_cmpuint (counter.removed, ==, 0);
  g_assert_cmpuint (counter.added, ==, 4);
  names = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (names, ==, "Diakonie Nord|Caritas Celle|Bürgerhilfe|awo Braunschweig");

  /* A new record shows once the list is told and refreshed: the rows
   * around it stay (views keep their place and look for nothing), and
   * the rows read before change one by one, as their data may have. */
  g_free (save_organisation (f->store, "Caritas Aurich", "Aurich", 12));
  kz_record_list_invalidate (list);
  g_string_truncate (log, 0);
  kz_record_list_refresh_async (list, NULL, refreshed_cb, &counter);
  counter.pending = 1;
  while (counter.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (log->str, ==, "2-0+1 0-1+1 1-1+1 3-1+1 4-1+1 ");
  after = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (after, ==, "Diakonie Nord|Caritas Celle|Caritas Aurich|Bürgerhilfe|awo Braunschweig");
}

/* What users had in the in-memory lists: accents ignored, word starts,
 * "ue" for "ü", and a contact found by its organisation's name. */
static void
test_search_semantics (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autoptr(KzRecordList) contacts = kz_record_list_new (f->store, KZ_KIND_CONTACT);
  const char *refs[] = { "organisation_id", NULL };
  const char *queries[] = { "buergerh", "burger", "BÜRG", "bürgerhilfe", NULL };

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autofree char *names = NULL;

      kz_record_list_set_search (list, queries[i]);
      refresh (list);
      names = dup_names (G_LIST_MODEL (list), "name");
      g_assert_cmpstr (names, ==, "Bürgerhilfe");
    }

  /* The organisation's name counts only where the field is named. */
  kz_record_list_set_search (contacts, "diakonie");
  refresh (contacts);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contacts)), ==, 0);
  kz_record_list_set_search_refs (contacts, refs);
  refresh (contacts);
  {
    g_autofree char *names = dup_names (G_LIST_MODEL (contacts), "name");

    g_assert_cmpstr (names, ==, "Anna Nord");
  }
  /* Every word must match, each in the record or its organisation. */
  kz_record_list_set_search (contacts, "anna diak");
  refresh (contacts);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contacts)), ==, 1);
  kz_record_list_set_search (contacts, "zoe diak");
  refresh (contacts);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contacts)), ==, 0);
}

/* A condition narrows the rows; the total counts all live records. */
static void
test_condition (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autofree char *celle = NULL;
  g_autofree char *big = NULL;

  kz_record_list_set_condition (list, "r.city IN ('Celle', 'Hannover')");
  g_assert_cmpstr (kz_record_list_get_condition (list), ==, "r.city IN ('Celle', 'Hannover')");
  refresh (list);
  celle = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (celle, ==, "Caritas Celle|Diakonie Nord");
  g_assert_cmpuint (kz_record_list_get_total (list), ==, 4);

  kz_record_list_set_condition (list, "r.staff >= 40");
  kz_record_list_set_sort (list, "staff", TRUE);
  kz_record_list_set_search (list, "nord");
  refresh (list);
  big = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (big, ==, "Diakonie Nord");

  kz_record_list_set_condition (list, "");
  g_assert_null (kz_record_list_get_condition (list));
  kz_record_list_set_search (list, NULL);
  refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
}

static gint64
name_length_key (KzRecord *record,
                 gpointer  user_data)
{
  (*(guint *)user_data)++;
  return g_utf8_strlen (kz_record_get_string (record, "name"), -1);
}

/* Computed columns sort by a number from the whole record. */
static void
test_sort_func (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  guint calls = 0;

  kz_record_list_set_sort_func (list, name_length_key, &calls, NULL, FALSE);
  g_assert_null (kz_record_list_get_sort_field (list));
  refresh (list);
  g_assert_cmpuint (calls, ==, 4);
  up = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (up, ==, "Bürgerhilfe|Caritas Celle|Diakonie Nord|awo Braunschweig");
  kz_record_list_set_sort_func (list, name_length_key, &calls, NULL, TRUE);
  refresh (list);
  down = dup_names (G_LIST_MODEL (list), "name");
  /* Equal keys keep the order of the titles. */
  g_assert_cmpstr (down, ==, "awo Braunschweig|Caritas Celle|Diakonie Nord|Bürgerhilfe");
}

/* Sorting again by a column of unchanged data reuses its values; down,
 * ties stay in the order of the titles as up.  A change counts once
 * the list is invalidated. */
static void
test_sort_keys_reused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KzRecordList) list = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  g_autoptr(KzRecordList) fresh = NULL;
  g_autoptr(KzRecord) celle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *again = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *expected = NULL;

  g_free (save_organisation (f->store, "Arbeiterwohlfahrt Celle", "Celle", 12));

  kz_record_list_set_sort (list, "city", FALSE);
  refresh (list);
  up = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (up, ==, "Bürgerhilfe|awo Braunschweig|Arbeiterwohlfahrt Celle|Caritas Celle|Diakonie Nord");
  kz_record_list_set_sort (list, "city", TRUE);
  refresh (list);
  down = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (down, ==, "Diakonie Nord|Arbeiterwohlfahrt Celle|Caritas Celle|awo Braunschweig|Bürgerhilfe");
  kz_record_list_set_sort (list, "staff", FALSE);
  refresh (list);
  kz_record_list_set_sort (list, "city", FALSE);
  refresh (list);
  again = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (again, ==, up);

  celle = kz_store_get (f->store, KZ_KIND_ORGANISATION, f->celle, &error);
  g_assert_no_error (error);
  kz_record_set_string (celle, "city", "Aurich");
  g_assert_true (kz_store_save (f->store, celle, &error));
  g_assert_no_error (error);

  /* Until invalidated, the values read before stand. */
  kz_record_list_set_sort (list, "city", TRUE);
  refresh (list);
  stale = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (stale, ==, down);

  kz_record_list_invalidate (list);
  refresh (list);
  changed = dup_names (G_LIST_MODEL (list), "name");
  g_assert_cmpstr (changed, ==, "Diakonie Nord|Arbeiterwohlfahrt Celle|awo Braunschweig|Caritas Celle|Bürgerhilfe");

  /* As a list that never sorted before. */
  fresh = kz_record_list_new (f->store, KZ_KIND_ORGANISATION);
  kz_record_list_set_sort (fresh, "city", TRUE);
  refresh (fresh);
  expected = dup_names (G_LIST_MODEL (fresh), "name");
  g_assert_cmpstr (changed, ==, expected);
}

/* A search whose cancellable is cancelled stops inside SQLite with
 * G_IO_ERROR_CANCELLED and leaves the store as it was. */
static void
test_search_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) stopped = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Altenhilfe %u", i);

      g_free (save_organisation (f->store, name, "Aurich", i));
    }

  g_cancellable_cancel (cancellable);
  stopped = _kz_record_query_search (f->store, KZ_KIND_ORGANISATION, "a", NULL, cancellable, &error);
  g_assert_null (stopped);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  rows = _kz_record_query_search (f->store, KZ_KIND_ORGANISATION, "a", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  /* The 300 in Aurich and "awo Braunschweig" at least. */
  g_assert_cmpuint (rows->len, >=, 301);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/record-list/order", test_order);
  ADD ("/record-list/sort-fields", test_sort_fields);
  ADD ("/record-list/search", test_search);
  ADD ("/record-list/cache", test_cache);
  ADD ("/record-list/async", test_async);
  ADD ("/record-list/search-semantics", test_search_semantics);
  ADD ("/record-list/condition", test_condition);
  ADD ("/record-list/sort-func", test_sort_func);
  ADD ("/record-list/sort-keys-reused", test_sort_keys_reused);
  ADD ("/record-list/search-cancelled", test_search_cancelled);
#undef ADD

  return g_test_run ();
}
