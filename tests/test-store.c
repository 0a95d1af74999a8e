/* test-store.c
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
#include <sqlite3.h>

#include "kz-store.h"

typedef struct
{
  char    *dir;
  char    *path;
  KzStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kz-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "portfolio.db", NULL);
  f->store = kz_store_open (f->path, &error);
  g_assert_no_error (error);
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
}

static KzRecord *make_saved (KzStore *store, KzKind kind);

/* Gives every field of @record a valid value of its type; later dates
 * and times are later, so end-after-start rules hold. */
static void
fill_record (KzStore  *store,
             KzRecord *record)
{
  const KzKindInfo *info = kz_record_get_info (record);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const KzField *f = &info->fields[i];
      g_autofree char *text = NULL;

      switch (f->type)
        {
        case KZ_FIELD_TEXT:
          if (f->flags & KZ_FIELD_FLAG_EMAIL)
            text = g_strdup ("beratung@caritas-hildesheim.example");
          else if (f->flags & KZ_FIELD_FLAG_URL)
            text = g_strdup ("https://example.org/förderung");
          else
            text = g_strdup_printf ("Größe „%s“ – Übergang", f->name);
          break;
        case KZ_FIELD_CHOICE:
          text = g_strdup (f->vocab->terms[f->vocab->n_terms - 1].id);
          break;
        case KZ_FIELD_LIST:
          text = f->vocab ? g_strdup_printf ("%s, %s", f->vocab->terms[0].id, f->vocab->terms[1].id)
                          : g_strdup ("Pflege, Übergabe");
          break;
        case KZ_FIELD_INT:
          text = g_strdup ((f->flags & KZ_FIELD_FLAG_LEVEL) ? "3" : "42");
          break;
        case KZ_FIELD_NUMBER:
          text = g_strdup ("12.5");
          break;
        case KZ_FIELD_MONEY:
          text = g_strdup ("12345.67");
          break;
        case KZ_FIELD_BOOL:
          text = g_strdup ("true");
          break;
        case KZ_FIELD_DATE:
          text = g_strdup_printf ("2026-03-%02u", 1 + i);
          break;
        case KZ_FIELD_TIME:
          text = g_strdup_printf ("09:%02u", 10 + i);
          break;
        case KZ_FIELD_REF:
          {
            g_autoptr(KzRecord) parent = make_saved (store, f->ref_kind);
            text = g_strdup (kz_record_get_uuid (parent));
          }
          break;
        default:
          g_assert_not_reached ();
        }

      g_assert_true (kz_record_set_text (record, f->name, text, NULL));
    }
}

static KzRecord *
make_saved (KzStore *store,
            KzKind   kind)
{
  g_autoptr(KzRecord) record = kz_record_new (kind);
  g_autoptr(GError) error = NULL;

  fill_record (store, record);
  kz_store_save (store, record, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&record);
}

static void
assert_same_fields (KzRecord *a,
                    KzRecord *b)
{
  const KzKindInfo *info = kz_record_get_info (a);

  g_assert_cmpstr (kz_record_get_uuid (a), ==, kz_record_get_uuid (b));
  g_assert_cmpint (kz_record_get_created (a), ==, kz_record_get_created (b));
  g_assert_cmpint (kz_record_get_modified (a), ==, kz_record_get_modified (b));
  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autofree char *ta = kz_record_dup_text (a, info->fields[i].name);
      g_autofree char *tb = kz_record_dup_text (b, info->fields[i].name);

      g_assert_nonnull (ta);
      g_assert_cmpstr (ta, ==, tb);
    }
}

static void
test_open_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_assert_cmpint (kz_store_get_schema_version (f->store), ==, KZ_STORE_SCHEMA_VERSION);
  g_assert_true (kz_store_is_empty (f->store));
  g_assert_null (kz_store_get_backup_path (f->store));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  for (guint k = 0; k < KZ_N_KINDS; k++)
    g_assert_cmpuint (kz_store_count (f->store, k), ==, 0);
}

static void
test_roundtrip (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < KZ_N_KINDS; k++)
    {
      KzRecord *r = make_saved (f->store, k);

      g_assert_cmpint (kz_record_get_created (r), >, 0);
      g_assert_cmpint (kz_record_get_modified (r), >=, kz_record_get_created (r));
      g_ptr_array_add (saved, r);
    }

  /* Read everything back through a fresh connection. */
  g_clear_object (&f->store);
  f->store = kz_store_open (f->path, NULL);
  g_assert_nonnull (f->store);
  g_assert_false (kz_store_is_empty (f->store));

  for (guint i = 0; i < saved->len; i++)
    {
      KzRecord *r = g_ptr_array_index (saved, i);
      g_autoptr(KzRecord) back = kz_store_get (f->store, kz_record_get_kind (r),
                                               kz_record_get_uuid (r), NULL);
      g_autoptr(GListModel) list = kz_store_list (f->store, kz_record_get_kind (r), NULL);

      g_assert_nonnull (back);
      assert_same_fields (r, back);
      g_assert_false (kz_record_get_deleted (back));
      g_assert_cmpuint (g_list_model_get_n_items (list), >=, 1);
    }
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KzRecord) p = make_saved (f->store, KZ_KIND_PROJECT);
  g_autoptr(KzRecord) back = NULL;
  gint64 before = kz_record_get_modified (p);

  kz_record_set_string (p, "title", "Digitale Dienstplanung");
  kz_record_unset (p, "tags");
  g_assert_true (kz_store_save (f->store, p, NULL));
  g_assert_cmpint (kz_record_get_modified (p), >, before);

  back = kz_store_get (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL);
  g_assert_cmpstr (kz_record_get_title (back), ==, "Digitale Dienstplanung");
  g_assert_false (kz_record_is_set (back, "tags"));
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_PROJECT), ==, 1);
}

static void
test_invalid_not_written (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(KzRecord) m = kz_record_new (KZ_KIND_MILESTONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *ghost = g_uuid_string_random ();

  fill_record (f->store, p);
  kz_record_set_string (p, "end_date", "2020-01-01");
  g_assert_false (kz_store_save (f->store, p, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kz_store_get (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A reference to a record that does not exist is refused. */
  kz_record_set_string (m, "project_id", ghost);
  kz_record_set_string (m, "title", "Abnahme");
  g_assert_false (kz_store_save (f->store, m, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID);
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_MILESTONE), ==, 0);
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KzRecord) firm = make_saved (f->store, KZ_KIND_FIRM);
  const char *uuid = kz_record_get_uuid (firm);
  g_autoptr(KzRecord) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ghost = g_uuid_string_random ();

  g_assert_true (kz_store_delete (f->store, KZ_KIND_FIRM, uuid, NULL));
  list = kz_store_list (f->store, KZ_KIND_FIRM, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_FIRM), ==, 0);

  back = kz_store_get (f->store, KZ_KIND_FIRM, uuid, NULL);
  g_assert_true (kz_record_get_deleted (back));
  g_assert_cmpint (kz_record_get_modified (back), >, kz_record_get_modified (firm));
  g_assert_cmpstr (kz_record_get_title (back), ==, kz_record_get_title (firm));

  g_assert_true (kz_store_restore (f->store, KZ_KIND_FIRM, uuid, NULL));
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_FIRM), ==, 1);

  g_assert_false (kz_store_delete (f->store, KZ_KIND_FIRM, ghost, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NOT_FOUND);
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  for (guint l = 0; l < KZ_N_LINKS; l++)
    {
      const KzLinkInfo *info = kz_link_get_info (l);
      g_autoptr(KzRecord) a = make_saved (f->store, info->a_kind);
      g_autoptr(KzRecord) b1 = make_saved (f->store, info->b_kind);
      g_autoptr(KzRecord) b2 = make_saved (f->store, info->b_kind);
      g_autoptr(GListModel) from_a = NULL;
      g_autoptr(GListModel) from_b = NULL;
      g_autoptr(GListModel) after = NULL;
      g_autoptr(KzRecord) first = NULL;

      g_assert_true (kz_store_link (f->store, l, kz_record_get_uuid (a), kz_record_get_uuid (b1), NULL));
      g_assert_true (kz_store_link (f->store, l, kz_record_get_uuid (a), kz_record_get_uuid (b2), NULL));
      /* Linking twice is harmless: links are a set. */
      g_assert_true (kz_store_link (f->store, l, kz_record_get_uuid (a), kz_record_get_uuid (b2), NULL));

      from_a = kz_store_list_linked (f->store, l, kz_record_get_uuid (a), TRUE, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (from_a), ==, 2);
      from_b = kz_store_list_linked (f->store, l, kz_record_get_uuid (b1), FALSE, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (from_b), ==, 1);
      first = g_list_model_get_item (from_b, 0);
      g_assert_cmpstr (kz_record_get_uuid (first), ==, kz_record_get_uuid (a));

      g_assert_true (kz_store_unlink (f->store, l, kz_record_get_uuid (a), kz_record_get_uuid (b1), NULL));
      g_assert_true (kz_store_delete (f->store, info->b_kind, kz_record_get_uuid (b2), NULL));
      after = kz_store_list_linked (f->store, l, kz_record_get_uuid (a), TRUE, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);
      g_clear_object (&after);

      /* Relinking revives the tombstoned link. */
      g_assert_true (kz_store_link (f->store, l, kz_record_get_uuid (a), kz_record_get_uuid (b1), NULL));
      after = kz_store_list_linked (f->store, l, kz_record_get_uuid (a), TRUE, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
    }
}

static void
test_link_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KzRecord) p = make_saved (f->store, KZ_KIND_PROJECT);
  g_autofree char *ghost = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;

  g_assert_false (kz_store_link (f->store, KZ_LINK_PROJECT_ORGANISATION,
                                 kz_record_get_uuid (p), ghost, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID);
}

static void
test_by_ref_and_aggregates (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KzRecord) training = make_saved (f->store, KZ_KIND_TRAINING);
  g_autoptr(KzRecord) org = make_saved (f->store, KZ_KIND_ORGANISATION);
  g_autoptr(GListModel) regs = NULL;
  g_autoptr(GHashTable) sums = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GHashTable) titles = NULL;

  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(KzRecord) r = kz_record_new (KZ_KIND_REGISTRATION);

      kz_record_set_string (r, "training_id", kz_record_get_uuid (training));
      kz_record_set_string (r, "organisation_id", kz_record_get_uuid (org));
      kz_record_set_int (r, "participants", i);
      g_assert_true (kz_store_save (f->store, r, NULL));
    }

  regs = kz_store_list_by_ref (f->store, KZ_KIND_REGISTRATION, "training_id",
                               kz_record_get_uuid (training), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (regs), ==, 3);

  sums = kz_store_sum_by (f->store, KZ_KIND_REGISTRATION, "training_id", "participants", NULL);
  g_assert_cmpint (*(gint64 *)g_hash_table_lookup (sums, kz_record_get_uuid (training)), ==, 6);

  counts = kz_store_count_by (f->store, KZ_KIND_REGISTRATION, "organisation_id", NULL);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, kz_record_get_uuid (org))), ==, 3);

  titles = kz_store_get_titles (f->store, KZ_KIND_ORGANISATION, NULL);
  g_assert_cmpstr (g_hash_table_lookup (titles, kz_record_get_uuid (org)), ==, kz_record_get_title (org));
}

typedef struct
{
  guint  calls;
  guint  kind;
  char  *uuid;
} Changes;

static void
on_changed (KzStore    *store,
            guint       kind,
            const char *uuid,
            Changes    *c)
{
  c->calls++;
  c->kind = kind;
  g_free (c->uuid);
  c->uuid = g_strdup (uuid);
}

static void
test_changed_and_batches (Fixture       *f,
                          gconstpointer  data)
{
  Changes c = { 0 };
  g_autoptr(KzRecord) firm = make_saved (f->store, KZ_KIND_FIRM);
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &c);

  g_assert_true (kz_store_save (f->store, firm, NULL));
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.kind, ==, KZ_KIND_FIRM);
  g_assert_cmpstr (c.uuid, ==, kz_record_get_uuid (firm));

  /* A batch commits once and reports once. */
  g_assert_true (kz_store_begin (f->store, NULL));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(KzRecord) r = kz_record_new (KZ_KIND_FIRM);
      g_autofree char *name = g_strdup_printf ("Softwarehaus %u", i);

      kz_record_set_string (r, "name", name);
      g_assert_true (kz_store_save (f->store, r, NULL));
    }
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_true (kz_store_commit (f->store, NULL));
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_null (c.uuid);
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_FIRM), ==, 6);

  /* A rolled-back batch leaves nothing behind and reports nothing. */
  g_assert_true (kz_store_begin (f->store, NULL));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KzRecord) r = kz_record_new (KZ_KIND_FIRM);

      kz_record_set_string (r, "name", "verworfen");
      g_assert_true (kz_store_save (f->store, r, NULL));
    }
  kz_store_rollback (f->store);
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_FIRM), ==, 6);

  g_free (c.uuid);
}

static char *
fixture_dir_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
create_from_sql (const char *path,
                 const char *sql_file)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (sql_file, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
file_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sql = fixture_dir_file ("portfolio-v1.sql");
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(KzStore) store = NULL;
  g_autoptr(KzRecord) project = NULL;
  g_autoptr(KzRecord) gone = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(KzStore) backup = NULL;
  g_autoptr(GError) error = NULL;
  const char *backup_path;

  create_from_sql (path, sql);
  g_assert_cmpint (file_version (path), ==, 1);

  store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kz_store_get_schema_version (store), ==, KZ_STORE_SCHEMA_VERSION);

  project = kz_store_get (store, KZ_KIND_PROJECT, "8c3f2e40-5d6f-4071-8cbd-2e3f4a5b6c7d", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kz_record_get_title (project), ==, "Digitale Pflegedokumentation");
  g_assert_cmpint (kz_record_get_int (project, "budget_planned"), ==, 8500000);
  g_assert_cmpstr (kz_record_get_list (project, "tags")[1], ==, "TI");
  g_assert_cmpstr (kz_record_get_string (project, "health"), ==, "at_risk");

  milestones = kz_store_list_by_ref (store, KZ_KIND_MILESTONE, "project_id",
                                     kz_record_get_uuid (project), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 1);

  /* The link to a deleted organisation is kept but not listed. */
  partners = kz_store_list_linked (store, KZ_LINK_PROJECT_ORGANISATION,
                                   kz_record_get_uuid (project), TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 0);
  gone = kz_store_get (store, KZ_KIND_ORGANISATION, "7b2e1d3f-4c5e-4f60-9bac-1d2e3f4a5b6c", NULL);
  g_assert_true (kz_record_get_deleted (gone));

  /* The copy made before the upgrade is the old file, still readable. */
  backup_path = kz_store_get_backup_path (store);
  g_assert_nonnull (backup_path);
  g_assert_true (g_str_has_prefix (backup_path, path));
  g_assert_cmpint (file_version (backup_path), ==, 1);

  /* Opening the upgraded file again does not upgrade or back up twice. */
  g_clear_object (&store);
  store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (kz_store_get_backup_path (store));
}

static void
test_migrate_v2 (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *sql = fixture_dir_file ("portfolio-v2.sql");
  g_autofree char *path = g_build_filename (f->dir, "v2.db", NULL);
  g_autoptr(KzStore) store = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GListModel) firms = NULL;
  g_autoptr(GError) error = NULL;

  create_from_sql (path, sql);
  g_assert_cmpint (file_version (path), ==, 2);

  store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kz_store_get_schema_version (store), ==, KZ_STORE_SCHEMA_VERSION);
  g_assert_cmpint (file_version (kz_store_get_backup_path (store)), ==, 2);

  firms = kz_store_list (store, KZ_KIND_FIRM, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (firms), ==, 1);

  /* Records that predate the search index are found after the upgrade. */
  hits = kz_store_search (store, "marktstrasse", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);
  hits = kz_store_search (store, "Emsl", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  hits = kz_store_search (store, "Pflegedoku", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
}

static KzRecord *
new_named (KzStore    *store,
           KzKind      kind,
           const char *field,
           const char *value)
{
  g_autoptr(KzRecord) r = kz_record_new (kind);

  kz_record_set_string (r, field, value);
  if (kind == KZ_KIND_PROJECT)
    kz_record_set_string (r, "status", "running");
  else if (kind == KZ_KIND_TRAINING)
    kz_record_set_string (r, "status", "open");
  g_assert_true (kz_store_save (store, r, NULL));

  return g_steal_pointer (&r);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KzRecord) p = NULL;
  g_autoptr(KzRecord) o = NULL;
  g_autoptr(GPtrArray) h = NULL;
  KzHistoryEntry *e;

  kz_store_set_author (f->store, "Anna Schröder");
  p = new_named (f->store, KZ_KIND_PROJECT, "title", "WLAN für Bewohner:innen");
  o = new_named (f->store, KZ_KIND_ORGANISATION, "name", "DRK-Kreisverband Goslar e.V.");

  kz_store_set_author (f->store, "Ben Yilmaz");
  kz_record_set_string (p, "health", "at_risk");
  kz_record_set_string (p, "title", "WLAN für Bewohnerinnen und Bewohner");
  g_assert_true (kz_store_save (f->store, p, NULL));
  /* Saving without a change records nothing. */
  g_assert_true (kz_store_save (f->store, p, NULL));
  g_assert_true (kz_store_link (f->store, KZ_LINK_PROJECT_ORGANISATION,
                                kz_record_get_uuid (p), kz_record_get_uuid (o), NULL));
  g_assert_true (kz_store_delete (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL));

  h = kz_store_get_history (f->store, kz_record_get_uuid (p), NULL);
  g_assert_cmpuint (h->len, ==, 5);

  e = h->pdata[0];
  g_assert_cmpstr (e->field, ==, "deleted");
  g_assert_cmpstr (e->new_value, ==, "true");
  e = h->pdata[1];
  g_assert_cmpstr (e->field, ==, "link:project-organisation");
  g_assert_cmpstr (e->new_value, ==, kz_record_get_uuid (o));
  /* One save's fields are recorded in schema order. */
  e = h->pdata[2];
  g_assert_cmpstr (e->field, ==, "health");
  g_assert_null (e->old_value);
  g_assert_cmpstr (e->new_value, ==, "at_risk");
  e = h->pdata[3];
  g_assert_cmpstr (e->field, ==, "title");
  g_assert_cmpstr (e->old_value, ==, "WLAN für Bewohner:innen");
  g_assert_cmpstr (e->new_value, ==, "WLAN für Bewohnerinnen und Bewohner");
  g_assert_cmpstr (e->author, ==, "Ben Yilmaz");
  g_assert_cmpint (e->time, >, 0);
  e = h->pdata[4];
  g_assert_cmpstr (e->field, ==, "*");
  g_assert_cmpstr (e->author, ==, "Anna Schröder");
}

static guint
n_hits (KzStore    *store,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = kz_store_search (store, text, 50, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (hits);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KzRecord) o = new_named (f->store, KZ_KIND_ORGANISATION, "name", "Lebenshilfe Lüneburg-Harburg gGmbH");
  g_autoptr(KzRecord) p = new_named (f->store, KZ_KIND_PROJECT, "title", "Digitale Schuldnerberatung");
  g_autoptr(KzRecord) c = new_named (f->store, KZ_KIND_FIRM, "name", "Weißenfels Beratung");
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(KzRecord) first = NULL;

  kz_record_set_string (o, "notes", "Träger mit Straßensozialarbeit");
  g_assert_true (kz_store_save (f->store, o, NULL));

  g_assert_cmpuint (n_hits (f->store, "Lüneburg"), ==, 1);
  g_assert_cmpuint (n_hits (f->store, "luneburg"), ==, 1);   /* accents ignored */
  g_assert_cmpuint (n_hits (f->store, "Lueneburg"), ==, 1);  /* ue for ü */
  g_assert_cmpuint (n_hits (f->store, "lüneb"), ==, 1);      /* prefix */
  g_assert_cmpuint (n_hits (f->store, "strassensozial"), ==, 1);
  g_assert_cmpuint (n_hits (f->store, "weißen"), ==, 1);
  g_assert_cmpuint (n_hits (f->store, "Beratung"), ==, 1);
  g_assert_cmpuint (n_hits (f->store, "berat"), ==, 1);      /* prefix of a word only */
  g_assert_cmpuint (n_hits (f->store, "Digitale Schuld"), ==, 1);
  g_assert_cmpuint (n_hits (f->store, "Digitale Pflege"), ==, 0);
  g_assert_cmpuint (n_hits (f->store, "\"OR * NEAR("), ==, 0);  /* no query syntax leaks */
  g_assert_cmpuint (n_hits (f->store, "   "), ==, 0);

  hits = kz_store_search (f->store, "schuldner", 10, NULL);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (kz_record_get_kind (first), ==, KZ_KIND_PROJECT);

  /* Renamed and deleted records leave the index. */
  kz_record_set_string (p, "title", "Online-Beratung");
  g_assert_true (kz_store_save (f->store, p, NULL));
  g_assert_cmpuint (n_hits (f->store, "schuldner"), ==, 0);
  g_assert_cmpuint (n_hits (f->store, "online"), ==, 1);
  g_assert_true (kz_store_delete (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL));
  g_assert_cmpuint (n_hits (f->store, "online"), ==, 0);
  g_assert_true (kz_store_restore (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL));
  g_assert_cmpuint (n_hits (f->store, "online"), ==, 1);
}

/* New records of a bulk transaction are indexed once, at its commit;
 * records changed in it are indexed as usual, a rolled back bulk
 * transaction leaves neither records nor index entries. */
static void
test_search_bulk (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KzRecord) old = new_named (f->store, KZ_KIND_PROJECT, "title", "Tablets im Wohnheim");
  g_autoptr(KzRecord) dropped = kz_record_new (KZ_KIND_FIRM);
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_store_begin_bulk (f->store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
      g_autofree char *title = g_strdup_printf ("Videosprechstunde %u", i);

      kz_record_set_string (p, "title", title);
      kz_record_set_string (p, "description", "Beratung für Ältere");
      kz_record_set_string (p, "status", "running");
      g_assert_true (kz_store_save (f->store, p, &error));
      g_assert_no_error (error);
    }
  kz_record_set_string (old, "title", "Laptops im Wohnheim");
  g_assert_true (kz_store_save (f->store, old, NULL));
  g_assert_cmpuint (n_hits (f->store, "Videosprechstunde"), ==, 0);
  g_assert_cmpuint (n_hits (f->store, "Laptops"), ==, 1);
  g_assert_true (kz_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_hits (f->store, "Videosprechstunde"), ==, 50);
  g_assert_cmpuint (n_hits (f->store, "Aeltere"), ==, 50);
  g_assert_cmpuint (n_hits (f->store, "Tablets"), ==, 0);
  g_assert_cmpuint (n_hits (f->store, "Wohnheim"), ==, 1);

  g_assert_true (kz_store_begin_bulk (f->store, NULL));
  kz_record_set_string (dropped, "name", "Rückgängig GmbH");
  g_assert_true (kz_store_save (f->store, dropped, NULL));
  kz_store_rollback (f->store);
  g_assert_cmpuint (n_hits (f->store, "Rückgängig"), ==, 0);
  g_assert_cmpuint (kz_store_count (f->store, KZ_KIND_FIRM), ==, 0);

  /* A plain transaction afterwards indexes every record at once again. */
  g_assert_true (kz_store_save (f->store, dropped, NULL));
  g_assert_cmpuint (n_hits (f->store, "Rückgängig"), ==, 1);
}

/* A word in thousands of records: the search shows those with it in
 * their title first instead of ranking every match. */
static void
test_search_broad (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GListModel) hits = NULL;

  g_assert_true (kz_store_begin_bulk (f->store, NULL));
  for (guint i = 0; i < 2100; i++)
    {
      g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
      g_autofree char *title = g_strdup_printf (i % 20 == 0 ? "Lernplattform %u" : "Projekt %u", i);

      kz_record_set_string (p, "title", title);
      kz_record_set_string (p, "description", "Eine Lernplattform für Ehrenamtliche");
      kz_record_set_string (p, "status", "running");
      g_assert_true (kz_store_save (f->store, p, NULL));
    }
  g_assert_true (kz_store_commit (f->store, NULL));

  hits = kz_store_search (f->store, "lernplatt", 150, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 150);
  for (guint i = 0; i < 150; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (hits, i);
      gboolean in_title = g_str_has_prefix (kz_record_get_title (record), "Lernplattform");

      /* 105 titles have the word, and they come first. */
      g_assert_cmpint (in_title, ==, i < 105);
    }
  g_clear_object (&hits);

  hits = kz_store_search (f->store, "lernplatt", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2100);
  g_clear_object (&hits);
  hits = kz_store_search (f->store, "lernplatt projekt 2099", 50, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
}

static char *
change_id_of (const char *path,
              const char *uuid,
              const char *field)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT change_id FROM sync_fields WHERE uuid = ?1 AND field = ?2", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return id;
}

static void
test_pending (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KzRecord) p = new_named (f->store, KZ_KIND_PROJECT, "title", "KI-Assistenz");
  g_autoptr(KzRecord) o = new_named (f->store, KZ_KIND_ORGANISATION, "name", "AWO Bezirksverband");
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;

  /* Without sync nothing is noted for upload. */
  g_assert_false (kz_store_get_sync_enabled (f->store));
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 0);
  g_assert_true (kz_store_link (f->store, KZ_LINK_PROJECT_ORGANISATION,
                                kz_record_get_uuid (p), kz_record_get_uuid (o), NULL));
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 0);

  /* Enabling notes what exists: title + status, name, one link. */
  g_assert_true (kz_store_set_sync_enabled (f->store, TRUE, NULL));
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 4);

  /* It survives reopening. */
  g_clear_object (&f->store);
  f->store = kz_store_open (f->path, NULL);
  g_assert_true (kz_store_get_sync_enabled (f->store));

  first_id = change_id_of (f->path, kz_record_get_uuid (p), "title");
  g_assert_nonnull (first_id);
  kz_record_set_string (p, "title", "KI-Assistenz im Beratungsalltag");
  kz_record_set_string (p, "health", "on_track");
  g_assert_true (kz_store_save (f->store, p, NULL));
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 5);

  /* A new edit of a pending field gets a new change id. */
  second_id = change_id_of (f->path, kz_record_get_uuid (p), "title");
  g_assert_nonnull (second_id);
  g_assert_cmpstr (first_id, !=, second_id);

  g_assert_true (kz_store_delete (f->store, KZ_KIND_ORGANISATION, kz_record_get_uuid (o), NULL));
  g_assert_cmpuint (kz_store_count_pending (f->store), ==, 6);
}

static KzRecord *
registration (KzStore    *store,
              KzRecord   *training,
              KzRecord   *org,
              gint64      n,
              GError    **error)
{
  g_autoptr(KzRecord) r = kz_record_new (KZ_KIND_REGISTRATION);

  kz_record_set_string (r, "training_id", kz_record_get_uuid (training));
  kz_record_set_string (r, "organisation_id", kz_record_get_uuid (org));
  kz_record_set_int (r, "participants", n);
  if (!kz_store_save (store, r, error))
    return NULL;

  return g_steal_pointer (&r);
}

static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KzRecord) t = new_named (f->store, KZ_KIND_TRAINING, "title", "Datenschutz kompakt");
  g_autoptr(KzRecord) o = new_named (f->store, KZ_KIND_ORGANISATION, "name", "Diakonie Himmelsthür");
  g_autoptr(KzRecord) r1 = NULL;
  g_autoptr(KzRecord) r2 = NULL;
  g_autoptr(GError) error = NULL;

  kz_record_set_string (t, "status", "open");
  kz_record_set_int (t, "capacity", 12);
  g_assert_true (kz_store_save (f->store, t, NULL));

  r1 = registration (f->store, t, o, 8, NULL);
  g_assert_nonnull (r1);
  g_assert_null (registration (f->store, t, o, 5, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4"));
  g_clear_error (&error);
  r2 = registration (f->store, t, o, 4, NULL);
  g_assert_nonnull (r2);

  /* Changing one's own count is measured against the others only. */
  kz_record_set_int (r1, "participants", 7);
  g_assert_true (kz_store_save (f->store, r1, NULL));

  /* The capacity cannot drop below what is booked. */
  kz_record_set_int (t, "capacity", 10);
  g_assert_false (kz_store_save (f->store, t, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A cancelled registration frees its places. */
  g_assert_true (kz_store_delete (f->store, KZ_KIND_REGISTRATION, kz_record_get_uuid (r2), NULL));
  g_assert_true (kz_store_save (f->store, t, NULL));
}

static void
test_trash_and_purge (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KzRecord) p = new_named (f->store, KZ_KIND_PROJECT, "title", "Telematikinfrastruktur");
  g_autoptr(KzRecord) m = kz_record_new (KZ_KIND_MILESTONE);
  g_autoptr(GListModel) trash = NULL;
  g_autoptr(GListModel) milestones_trash = NULL;
  g_autoptr(KzRecord) tomb = NULL;
  g_autoptr(KzRecord) mtomb = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  kz_record_set_string (m, "project_id", kz_record_get_uuid (p));
  kz_record_set_string (m, "title", "SMC-B beantragt");
  g_assert_true (kz_store_save (f->store, m, NULL));

  g_assert_false (kz_store_purge (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_INVALID);

  g_assert_true (kz_store_delete (f->store, KZ_KIND_MILESTONE, kz_record_get_uuid (m), NULL));
  milestones_trash = kz_store_list_deleted (f->store, KZ_KIND_MILESTONE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (milestones_trash), ==, 1);
  g_clear_object (&milestones_trash);

  g_assert_true (kz_store_delete (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL));
  trash = kz_store_list_deleted (f->store, KZ_KIND_PROJECT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);
  /* A milestone of a deleted project is in the trash with its project. */
  milestones_trash = kz_store_list_deleted (f->store, KZ_KIND_MILESTONE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (milestones_trash), ==, 0);
  g_clear_object (&trash);

  g_assert_true (kz_store_purge (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL));
  trash = kz_store_list_deleted (f->store, KZ_KIND_PROJECT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);

  tomb = kz_store_get (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p), NULL);
  g_assert_true (kz_record_get_deleted (tomb));
  g_assert_false (kz_record_is_set (tomb, "title"));
  mtomb = kz_store_get (f->store, KZ_KIND_MILESTONE, kz_record_get_uuid (m), NULL);
  g_assert_false (kz_record_is_set (mtomb, "title"));
  history = kz_store_get_history (f->store, kz_record_get_uuid (p), NULL);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_cmpuint (n_hits (f->store, "Telematik"), ==, 0);
}

static void
test_expired_contacts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KzRecord) o = new_named (f->store, KZ_KIND_ORGANISATION, "name", "ZWST Beratungsstelle");
  const char *dates[] = { "2026-01-31", "2026-11-22", "2026-11-23", NULL };
  g_autoptr(GListModel) expired = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(KzRecord) c = kz_record_new (KZ_KIND_CONTACT);

      kz_record_set_string (c, "organisation_id", kz_record_get_uuid (o));
      kz_record_set_string (c, "role", "management");
      kz_record_set_string (c, "name", "Person");
      if (dates[i])
        kz_record_set_string (c, "deletion_date", dates[i]);
      g_assert_true (kz_store_save (f->store, c, NULL));
    }

  expired = kz_store_list_expired_contacts (f->store, "2026-11-23", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (expired), ==, 2);
}

static void
test_overdue_and_upcoming (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KzRecord) p = new_named (f->store, KZ_KIND_PROJECT, "title", "E-Rechnung SGB XI");
  const struct { const char *due; gboolean done; } ms[] = {
    { "2026-10-01", FALSE }, { "2026-11-01", TRUE }, { "2026-11-22", FALSE },
    { "2026-11-23", FALSE }, { "2027-01-15", FALSE }, { NULL, FALSE },
  };
  g_autoptr(GListModel) next = NULL;
  g_autoptr(KzRecord) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      g_autoptr(KzRecord) m = kz_record_new (KZ_KIND_MILESTONE);
      g_autofree char *title = g_strdup_printf ("Schritt %u", i);

      kz_record_set_string (m, "project_id", kz_record_get_uuid (p));
      kz_record_set_string (m, "title", title);
      if (ms[i].due)
        kz_record_set_string (m, "due_date", ms[i].due);
      kz_record_set_bool (m, "done", ms[i].done);
      g_assert_true (kz_store_save (f->store, m, NULL));
    }

  g_assert_cmpuint (kz_store_count_overdue (f->store, KZ_KIND_MILESTONE, "due_date", "done", "2026-11-23"), ==, 2);

  next = kz_store_list_upcoming (f->store, KZ_KIND_MILESTONE, "due_date", "2026-11-23", 5, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (next), ==, 2);
  first = g_list_model_get_item (next, 0);
  g_assert_cmpstr (kz_record_get_string (first, "due_date"), ==, "2026-11-23");
}

static void
test_newer_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "future.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gsize len_before, len_after;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  g_assert_null (kz_store_open (path, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "99"));

  g_assert_true (g_file_get_contents (path, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* A newer file in WAL mode: still nothing written beside it. */
  {
    g_autofree char *path2 = g_build_filename (f->dir, "future-wal.db", NULL);
    g_autofree char *shm = g_strconcat (path2, "-shm", NULL);
    g_autofree char *wal2 = g_strconcat (path2, "-wal", NULL);

    g_assert_cmpint (sqlite3_open (path2, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; CREATE TABLE future (x); "
                                   "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_clear_error (&error);
    g_assert_null (kz_store_open (path2, &error));
    g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_NEWER_SCHEMA);
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal2, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (file_version (path), ==, 99);
}

static void
test_not_a_portfolio (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Liste der Träger\n", -1, NULL));
  g_assert_null (kz_store_open (text, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN);
  g_clear_error (&error);

  /* Some other program's SQLite file is not taken over either. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE kontakte (name TEXT);", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_null (kz_store_open (other, &error));
  g_assert_error (error, KZ_STORE_ERROR, KZ_STORE_ERROR_OPEN);
}

static void
list_ready (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GListModel **out = user_data;

  *out = kz_store_list_finish (KZ_STORE (source), result, NULL);
}

static void
test_list_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KzRecord) o = make_saved (f->store, KZ_KIND_ORGANISATION);
  g_autoptr(GListModel) model = NULL;

  kz_store_list_async (f->store, KZ_KIND_ORGANISATION, NULL, list_ready, &model);
  while (model == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/open/empty", test_open_empty);
  ADD ("/store/record/roundtrip", test_roundtrip);
  ADD ("/store/record/update", test_update);
  ADD ("/store/record/invalid", test_invalid_not_written);
  ADD ("/store/record/delete-restore", test_delete_restore);
  ADD ("/store/link/roundtrip", test_links);
  ADD ("/store/link/missing", test_link_missing);
  ADD ("/store/query/aggregates", test_by_ref_and_aggregates);
  ADD ("/store/query/async", test_list_async);
  ADD ("/store/changed-and-batches", test_changed_and_batches);
  ADD ("/store/migrate/v1", test_migrate_v1);
  ADD ("/store/migrate/v2", test_migrate_v2);
  ADD ("/store/migrate/newer-refused", test_newer_refused);
  ADD ("/store/tracking/history", test_history);
  ADD ("/store/tracking/search", test_search);
  ADD ("/store/tracking/search-bulk", test_search_bulk);
  ADD ("/store/tracking/search-broad", test_search_broad);
  ADD ("/store/tracking/pending", test_pending);
  ADD ("/store/rules/capacity", test_capacity);
  ADD ("/store/trash/purge", test_trash_and_purge);
  ADD ("/store/privacy/expired-contacts", test_expired_contacts);
  ADD ("/store/query/overdue-upcoming", test_overdue_and_upcoming);
  ADD ("/store/open/not-a-portfolio", test_not_a_portfolio);
#undef ADD

  return g_test_run ();
}
