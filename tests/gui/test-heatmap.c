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
 * district, umbrella association or field of work, without a display. */

#include "config.h"

#include "kz-heatmap.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heatmap/group", test_group);
  g_test_add_func ("/heatmap/unknown-terms", test_unknown_terms);
  g_test_add_func ("/heatmap/filter-items", test_filter_items);

  return g_test_run ();
}
