/* test-store-groups.c
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

/* kz_store_count_groups(): counts by several fields in SQL, checked by
 * hand and against counting every record in memory, as the overview
 * did before. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-store.h"

typedef struct
{
  char    *dir;
  KzStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kz-groups-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "portfolio.db", NULL);
  f->store = kz_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* "a|b|…" with "-" for an unset value: a key for a combination. */
static char *
group_key (const char * const *values,
           guint               n_values)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (key, "%s%s", i > 0 ? "|" : "", values[i] ? values[i] : "-");

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Key -> count of the groups the store found. */
static GHashTable *
count_in_store (KzStore            *store,
                KzKind              kind,
                const char * const *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = kz_store_count_groups (store, kind, fields, &error);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < groups->len; i++)
    {
      const KzStoreGroup *group = g_ptr_array_index (groups, i);
      char *key = group_key ((const char * const *)group->values, group->n_values);

      g_assert_cmpuint (group->n_values, ==, g_strv_length ((char **)fields));
      g_assert_cmpuint (group->count, >, 0);
      /* Every combination comes once. */
      g_assert_false (g_hash_table_contains (counts, key));
      g_hash_table_insert (counts, key, GUINT_TO_POINTER (group->count));
    }

  return counts;
}

static KzRecord *
save_org (KzStore    *store,
          const char *district,
          const char *umbrella)
{
  g_autoptr(KzRecord) org = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (org, "name", "Verein");
  kz_record_set_string (org, "district", district);
  kz_record_set_string (org, "umbrella", umbrella);
  kz_store_save (store, org, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&org);
}

static KzRecord *
save_project (KzStore    *store,
              const char *focus_area,
              KzRecord   *lead)
{
  g_autoptr(KzRecord) project = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (project, "title", "Projekt");
  kz_record_set_string (project, "status", kz_vocab_status.terms[0].id);
  kz_record_set_string (project, "focus_area", focus_area);
  if (lead != NULL)
    kz_record_set_string (project, "lead_organisation_id", kz_record_get_uuid (lead));
  kz_store_save (store, project, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&project);
}

#define FOCUS(i)    (kz_vocab_focus_area.terms[i].id)
#define DISTRICT(i) (kz_vocab_district.terms[i].id)
#define UMBRELLA(i) (kz_vocab_umbrella.terms[i].id)

static void
assert_count (GHashTable *counts,
              const char *key,
              guint       expected)
{
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)), ==, expected);
}

static void
test_by_hand (Fixture       *f,
              gconstpointer  data)
{
  static const char * const fields[] = { "focus_area", "lead_organisation_id.district", NULL };
  g_autoptr(KzRecord) a = save_org (f->store, DISTRICT (0), UMBRELLA (1));
  g_autoptr(KzRecord) b = save_org (f->store, DISTRICT (2), NULL);
  g_autoptr(KzRecord) trashed = save_org (f->store, DISTRICT (1), NULL);
  g_autoptr(KzRecord) p1 = save_project (f->store, FOCUS (0), a);
  g_autoptr(KzRecord) p2 = save_project (f->store, FOCUS (0), a);
  g_autoptr(KzRecord) p3 = save_project (f->store, FOCUS (1), b);
  g_autoptr(KzRecord) p4 = save_project (f->store, NULL, b);
  g_autoptr(KzRecord) p5 = save_project (f->store, FOCUS (1), NULL);
  g_autoptr(KzRecord) p6 = save_project (f->store, FOCUS (2), trashed);
  g_autoptr(KzRecord) p7 = save_project (f->store, FOCUS (0), a);
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *k00 = g_strdup_printf ("%s|%s", FOCUS (0), DISTRICT (0));
  g_autofree char *k12 = g_strdup_printf ("%s|%s", FOCUS (1), DISTRICT (2));
  g_autofree char *kn2 = g_strdup_printf ("-|%s", DISTRICT (2));
  g_autofree char *k1n = g_strdup_printf ("%s|-", FOCUS (1));
  g_autofree char *k2n = g_strdup_printf ("%s|-", FOCUS (2));

  g_assert_true (kz_store_delete (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (p7), NULL));
  g_assert_true (kz_store_delete (f->store, KZ_KIND_ORGANISATION, kz_record_get_uuid (trashed), NULL));

  counts = count_in_store (f->store, KZ_KIND_PROJECT, fields);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 5);
  /* The project in the trash is not counted … */
  assert_count (counts, k00, 2);
  assert_count (counts, k12, 1);
  assert_count (counts, kn2, 1);
  assert_count (counts, k1n, 1);
  /* … and a lead organisation in the trash counts as none. */
  assert_count (counts, k2n, 1);
}

static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KzRecord) a = save_org (f->store, DISTRICT (0), UMBRELLA (1));
  g_autoptr(KzRecord) b = save_org (f->store, DISTRICT (3), NULL);
  g_autoptr(KzRecord) unset = save_org (f->store, NULL, UMBRELLA (0));
  g_autoptr(KzRecord) trashed = save_org (f->store, DISTRICT (1), NULL);
  g_autoptr(GHashTable) districts = NULL;
  g_autoptr(GHashTable) umbrellas = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_store_delete (f->store, KZ_KIND_ORGANISATION, kz_record_get_uuid (trashed), NULL));

  districts = kz_store_get_choices (f->store, KZ_KIND_ORGANISATION, "district", &error);
  g_assert_no_error (error);
  /* Only live records with the field set. */
  g_assert_cmpuint (g_hash_table_size (districts), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (districts, kz_record_get_uuid (a)), ==, DISTRICT (0));
  g_assert_cmpstr (g_hash_table_lookup (districts, kz_record_get_uuid (b)), ==, DISTRICT (3));
  g_assert_false (g_hash_table_contains (districts, kz_record_get_uuid (unset)));
  g_assert_false (g_hash_table_contains (districts, kz_record_get_uuid (trashed)));
  /* One string per term, however many records have it. */
  g_assert_true (g_hash_table_lookup (districts, kz_record_get_uuid (a)) == g_intern_string (DISTRICT (0)));

  umbrellas = kz_store_get_choices (f->store, KZ_KIND_ORGANISATION, "umbrella", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (umbrellas), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (umbrellas, kz_record_get_uuid (unset)), ==, UMBRELLA (0));
}

/* What the overview computed before: every project and organisation
 * read, the lead organisation looked up in memory. */
static GHashTable *
count_in_memory (KzStore            *store,
                 const char * const *fields)
{
  g_autoptr(GListModel) projects = kz_store_list (store, KZ_KIND_PROJECT, NULL);
  g_autoptr(GListModel) orgs = kz_store_list (store, KZ_KIND_ORGANISATION, NULL);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_fields = g_strv_length ((char **)fields);

  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      KzRecord *org = g_list_model_get_item (orgs, i);

      g_hash_table_insert (by_uuid, (gpointer)kz_record_get_uuid (org), org);
    }

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      const char *lead = kz_record_get_string (project, "lead_organisation_id");
      KzRecord *org = lead ? g_hash_table_lookup (by_uuid, lead) : NULL;
      const char *values[8] = { NULL };
      char *key;

      for (guint j = 0; j < n_fields; j++)
        if (g_str_has_prefix (fields[j], "lead_organisation_id."))
          values[j] = org ? kz_record_get_string (org, fields[j] + strlen ("lead_organisation_id.")) : NULL;
        else
          values[j] = kz_record_get_string (project, fields[j]);

      key = group_key (values, n_fields);
      g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }

  return counts;
}

static void
test_portfolio (Fixture       *f,
                gconstpointer  data)
{
  static const char * const fields[] = {
    "focus_area", "lead_organisation_id.district", "lead_organisation_id.umbrella", "field_of_work", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) trashed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GHashTable) in_store = NULL;
  g_autoptr(GHashTable) in_memory = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint total = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  g_assert_true (kz_demo_generate (f->store, 150, 2026, &today, NULL, &error));
  g_assert_no_error (error);

  /* Some lead organisations and projects go to the trash. */
  projects = kz_store_list (f->store, KZ_KIND_PROJECT, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i += 7)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      const char *lead = kz_record_get_string (project, "lead_organisation_id");

      if (i % 2 == 0)
        g_assert_true (kz_store_delete (f->store, KZ_KIND_PROJECT, kz_record_get_uuid (project), NULL));
      else if (lead != NULL && g_hash_table_add (trashed, g_strdup (lead)))
        g_assert_true (kz_store_delete (f->store, KZ_KIND_ORGANISATION, lead, NULL));
    }
  g_assert_cmpuint (g_hash_table_size (trashed), >, 0);

  in_store = count_in_store (f->store, KZ_KIND_PROJECT, fields);
  in_memory = count_in_memory (f->store, fields);
  g_assert_cmpuint (g_hash_table_size (in_memory), >, 20);
  g_assert_cmpuint (g_hash_table_size (in_store), ==, g_hash_table_size (in_memory));

  g_hash_table_iter_init (&iter, in_memory);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (in_store, key)), ==, GPOINTER_TO_UINT (value));
      total += GPOINTER_TO_UINT (value);
    }
  g_assert_cmpuint (total, ==, kz_store_count (f->store, KZ_KIND_PROJECT));
  g_assert_cmpuint (total, <, 150);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-groups/by-hand", Fixture, NULL, fixture_set_up, test_by_hand, fixture_tear_down);
  g_test_add ("/store-groups/choices", Fixture, NULL, fixture_set_up, test_choices, fixture_tear_down);
  g_test_add ("/store-groups/portfolio", Fixture, NULL, fixture_set_up, test_portfolio, fixture_tear_down);

  return g_test_run ();
}
