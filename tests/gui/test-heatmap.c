/* test-heatmap.c
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

/* The heat map of the overview: grouping projects by focus area and
 * district, umbrella association or field of work, without a display;
 * and the projects list's District column, which groups by the same
 * lead organisation. */

#include "config.h"

#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-format.h"
#include "kz-heatmap.h"
#include "kz-list-spec.h"
#include "kz-overview-stats.h"

static KzRecord *
new_org (const char *district,
         const char *umbrella)
{
  KzRecord *org = kz_record_new (KZ_KIND_ORGANISATION);

  kz_record_set_string (org, "name", "Verein");
  if (district != NULL)
    kz_record_set_string (org, "district", district);
  if (umbrella != NULL)
    kz_record_set_string (org, "umbrella", umbrella);

  return org;
}

static void
add_project (GListStore *projects,
             const char *focus_area,
             const char *field_of_work,
             KzRecord   *lead)
{
  g_autoptr(KzRecord) project = kz_record_new (KZ_KIND_PROJECT);

  kz_record_set_string (project, "title", "Projekt");
  if (focus_area != NULL)
    kz_record_set_string (project, "focus_area", focus_area);
  if (field_of_work != NULL)
    kz_record_set_string (project, "field_of_work", field_of_work);
  if (lead != NULL)
    kz_record_set_string (project, "lead_organisation_id", kz_record_get_uuid (lead));
  g_list_store_append (projects, project);
}

#define FOCUS(i)    (kz_vocab_focus_area.terms[i].id)
#define DISTRICT(i) (kz_vocab_district.terms[i].id)
#define UMBRELLA(i) (kz_vocab_umbrella.terms[i].id)
#define FIELD(i)    (kz_vocab_field_of_work.terms[i].id)

static void
test_group (void)
{
  g_autoptr(GListStore) projects = g_list_store_new (KZ_TYPE_RECORD);
  g_autoptr(GHashTable) orgs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  KzRecord *a = new_org (DISTRICT (0), UMBRELLA (1));
  KzRecord *b = new_org (DISTRICT (2), NULL);
  g_autoptr(KzHeatmapGrid) by_district = NULL;
  g_autoptr(KzHeatmapGrid) by_umbrella = NULL;
  g_autoptr(KzHeatmapGrid) by_field = NULL;

  g_hash_table_insert (orgs, (gpointer)kz_record_get_uuid (a), a);
  g_hash_table_insert (orgs, (gpointer)kz_record_get_uuid (b), b);

  add_project (projects, FOCUS (0), FIELD (0), a);
  add_project (projects, FOCUS (0), FIELD (0), a);
  add_project (projects, FOCUS (1), FIELD (1), b);
  add_project (projects, NULL, FIELD (1), b);      /* no focus area */
  add_project (projects, FOCUS (1), NULL, NULL);   /* no lead, no field */

  by_district = kz_heatmap_group (G_LIST_MODEL (projects), orgs, KZ_HEATMAP_DISTRICT);
  g_assert_cmpuint (by_district->total, ==, 3);
  g_assert_cmpuint (by_district->max, ==, 2);
  g_assert_cmpuint (kz_heatmap_grid_get (by_district, 0, 0), ==, 2);
  g_assert_cmpuint (kz_heatmap_grid_get (by_district, 1, 2), ==, 1);
  g_assert_cmpuint (kz_heatmap_grid_get (by_district, 1, 0), ==, 0);
  g_assert_true (by_district->columns == &kz_vocab_district);

  by_umbrella = kz_heatmap_group (G_LIST_MODEL (projects), orgs, KZ_HEATMAP_UMBRELLA);
  g_assert_cmpuint (by_umbrella->total, ==, 2);
  g_assert_cmpuint (kz_heatmap_grid_get (by_umbrella, 0, 1), ==, 2);

  by_field = kz_heatmap_group (G_LIST_MODEL (projects), orgs, KZ_HEATMAP_FIELD_OF_WORK);
  g_assert_cmpuint (by_field->total, ==, 3);
  g_assert_cmpuint (kz_heatmap_grid_get (by_field, 0, 0), ==, 2);
  g_assert_cmpuint (kz_heatmap_grid_get (by_field, 1, 1), ==, 1);
}

static void
test_unknown_terms (void)
{
  g_autoptr(KzHeatmapGrid) grid = kz_heatmap_grid_new (KZ_HEATMAP_DISTRICT);
  g_autoptr(KzHeatmapGrid) empty = NULL;
  g_autoptr(GListStore) projects = g_list_store_new (KZ_TYPE_RECORD);

  g_assert_false (kz_heatmap_grid_add (grid, "no-such-area", DISTRICT (0)));
  g_assert_false (kz_heatmap_grid_add (grid, FOCUS (0), "Atlantis"));
  g_assert_false (kz_heatmap_grid_add (grid, NULL, NULL));
  g_assert_true (kz_heatmap_grid_add (grid, FOCUS (0), DISTRICT (0)));
  g_assert_cmpuint (grid->total, ==, 1);

  /* Without organisations only the field of work can be grouped. */
  add_project (projects, FOCUS (0), FIELD (0), NULL);
  empty = kz_heatmap_group (G_LIST_MODEL (projects), NULL, KZ_HEATMAP_UMBRELLA);
  g_assert_cmpuint (empty->total, ==, 0);
  g_assert_cmpuint (empty->max, ==, 0);
}

static void
test_filter_items (void)
{
  g_autoptr(KzHeatmapGrid) district = kz_heatmap_grid_new (KZ_HEATMAP_DISTRICT);
  g_autoptr(KzHeatmapGrid) field = kz_heatmap_grid_new (KZ_HEATMAP_FIELD_OF_WORK);
  g_auto(GStrv) items = kz_heatmap_grid_dup_filter_items (district, 1, 2);
  g_auto(GStrv) field_items = kz_heatmap_grid_dup_filter_items (field, 0, 1);
  g_autofree char *focus = g_strconcat ("focus_area=", FOCUS (1), NULL);
  g_autofree char *where = g_strconcat ("lead_organisation_id.district=", DISTRICT (2), NULL);
  g_autofree char *work = g_strconcat ("field_of_work=", FIELD (1), NULL);

  g_assert_cmpuint (g_strv_length (items), ==, 2);
  g_assert_cmpstr (items[0], ==, focus);
  g_assert_cmpstr (items[1], ==, where);
  g_assert_cmpstr (field_items[1], ==, work);
}

static void
test_group_counts (void)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)kz_store_group_free);
  const char *rows[][4] = {
    { FOCUS (0), DISTRICT (0), UMBRELLA (1), FIELD (0) },
    { FOCUS (0), DISTRICT (0), NULL, FIELD (1) },
    { NULL, DISTRICT (0), UMBRELLA (1), FIELD (0) },
    { FOCUS (1), "Atlantis", UMBRELLA (2), NULL },
  };
  const guint counts[] = { 3, 4, 5, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      KzStoreGroup *group = g_malloc0 (sizeof (KzStoreGroup) + 4 * sizeof (char *));

      group->count = counts[i];
      group->n_values = 4;
      for (guint j = 0; j < 4; j++)
        group->values[j] = g_strdup (rows[i][j]);
      g_ptr_array_add (groups, group);
    }

  {
    g_autoptr(KzHeatmapGrid) district = kz_heatmap_group_counts (groups, KZ_HEATMAP_DISTRICT);
    g_autoptr(KzHeatmapGrid) umbrella = kz_heatmap_group_counts (groups, KZ_HEATMAP_UMBRELLA);
    g_autoptr(KzHeatmapGrid) field = kz_heatmap_group_counts (groups, KZ_HEATMAP_FIELD_OF_WORK);

    /* Rows differing in the other dimensions add up in one cell. */
    g_assert_cmpuint (kz_heatmap_grid_get (district, 0, 0), ==, 7);
    g_assert_cmpuint (district->total, ==, 7);
    g_assert_cmpuint (district->max, ==, 7);
    g_assert_cmpuint (kz_heatmap_grid_get (umbrella, 0, 1), ==, 3);
    g_assert_cmpuint (kz_heatmap_grid_get (umbrella, 1, 2), ==, 6);
    g_assert_cmpuint (umbrella->total, ==, 9);
    g_assert_cmpuint (kz_heatmap_grid_get (field, 0, 1), ==, 4);
    g_assert_cmpuint (field->total, ==, 7);
    g_assert_cmpuint (field->max, ==, 4);
  }
}

static void
assert_same_grid (KzHeatmapGrid *a,
                  KzHeatmapGrid *b)
{
  g_assert_true (a->columns == b->columns);
  g_assert_cmpuint (a->total, ==, b->total);
  g_assert_cmpuint (a->max, ==, b->max);
  for (guint r = 0; r < a->rows->n_terms; r++)
    for (guint c = 0; c < a->columns->n_terms; c++)
      g_assert_cmpuint (kz_heatmap_grid_get (a, r, c), ==, kz_heatmap_grid_get (b, r, c));
}

typedef struct
{
  char    *dir;
  KzStore *store;
} Portfolio;

/* A generated portfolio with every fifth organisation in the trash. */
static Portfolio *
portfolio_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) orgs = NULL;
  g_autofree char *path = NULL;
  Portfolio *portfolio = g_new0 (Portfolio, 1);
  GDate today;

  portfolio->dir = g_dir_make_tmp ("kz-heatmap-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (portfolio->dir, "portfolio.db", NULL);
  portfolio->store = kz_store_open (path, &error);
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  g_assert_true (kz_demo_generate (portfolio->store, 120, 7, &today, NULL, &error));
  g_assert_no_error (error);

  orgs = kz_store_list (portfolio->store, KZ_KIND_ORGANISATION, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (orgs); i += 5)
    {
      g_autoptr(KzRecord) org = g_list_model_get_item (orgs, i);

      g_assert_true (kz_store_delete (portfolio->store, KZ_KIND_ORGANISATION, kz_record_get_uuid (org), NULL));
    }

  return portfolio;
}

static void
portfolio_free (Portfolio *portfolio)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&portfolio->store);
  dir = g_dir_open (portfolio->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (portfolio->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (portfolio->dir);
  g_free (portfolio->dir);
  g_free (portfolio);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Portfolio, portfolio_free)

/* Live organisations by UUID, as the overview and the projects list
 * held them before. */
static GHashTable *
organisations_by_uuid (KzStore *store)
{
  g_autoptr(GListModel) orgs = kz_store_list (store, KZ_KIND_ORGANISATION, NULL);
  GHashTable *by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      KzRecord *org = g_list_model_get_item (orgs, i);

      g_hash_table_insert (by_uuid, (gpointer)kz_record_get_uuid (org), org);
    }

  return by_uuid;
}

/* The overview groups the heat maps in SQL; they must show what
 * grouping every project in memory showed, trash included. */
static void
test_overview_same_as_in_memory (void)
{
  g_autoptr(Portfolio) portfolio = portfolio_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KzOverviewStats) stats = kz_overview_stats_load (portfolio->store, "2026-03-15", NULL, &error);
  g_autoptr(GListModel) projects = kz_store_list (portfolio->store, KZ_KIND_PROJECT, NULL);
  g_autoptr(GHashTable) by_uuid = organisations_by_uuid (portfolio->store);

  g_assert_no_error (error);
  for (guint dim = 0; dim < KZ_HEATMAP_N_DIMENSIONS; dim++)
    {
      g_autoptr(KzHeatmapGrid) in_memory = kz_heatmap_group (projects, by_uuid, dim);

      g_assert_cmpuint (in_memory->total, >, 0);
      assert_same_grid (stats->heatmaps[dim], in_memory);
    }
}

/* The projects list's District column (the lead organisation's, as in
 * the heat map) reads only the organisations' districts; it shows and
 * sorts as it did from the whole organisation records. */
static void
test_district_column (void)
{
  g_autoptr(Portfolio) portfolio = portfolio_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) projects = kz_store_list (portfolio->store, KZ_KIND_PROJECT, NULL);
  g_autoptr(GHashTable) by_uuid = organisations_by_uuid (portfolio->store);
  g_autoptr(KzLookups) lookups = kz_lookups_new ();
  const KzListSpec *spec = kz_list_spec_get (KZ_KIND_PROJECT);
  const KzColumn *column = NULL;
  guint shown = 0, unset = 0;

  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].field == NULL && g_strcmp0 (spec->columns[i].title, "District") == 0)
      column = &spec->columns[i];
  g_assert_nonnull (column);
  g_assert_true (spec->prepare (portfolio->store, lookups, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) project = g_list_model_get_item (projects, i);
      const char *lead = kz_record_get_string (project, "lead_organisation_id");
      KzRecord *org = lead ? g_hash_table_lookup (by_uuid, lead) : NULL;
      g_autofree char *expected = org && kz_record_is_set (org, "district") ? kz_format_field (org, "district") : NULL;
      g_autofree char *text = column->text (project, lookups);
      gint64 rank = org ? kz_vocabulary_get_label_rank (&kz_vocab_district, kz_record_get_string (org, "district")) : -1;

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpint (column->value (project, lookups), ==, rank);
      if (text != NULL)
        shown++;
      else
        unset++;
    }

  /* Both cases occur: leads in the trash have no district. */
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (unset, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heatmap/group", test_group);
  g_test_add_func ("/heatmap/unknown-terms", test_unknown_terms);
  g_test_add_func ("/heatmap/filter-items", test_filter_items);
  g_test_add_func ("/heatmap/group-counts", test_group_counts);
  g_test_add_func ("/heatmap/overview-same-as-in-memory", test_overview_same_as_in_memory);
  g_test_add_func ("/heatmap/district-column", test_district_column);

  return g_test_run ();
}
