/* test-list-keys.c
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

/* Keys, folding and saved views: no display needed. */

#include "config.h"

#include "kz-list-keys.h"
#include "kz-list-state.h"
#include "kz-views.h"

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Lüneburg", "lueneburg" },
    { "LÜNEBURG", "lueneburg" },
    { "Straße", "strasse" },
    { "Café Élan", "cafe elan" },
    { "Öffentliche Träger", "oeffentliche traeger" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = kz_fold_text (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  {
    g_autofree char *folded = kz_fold_text (NULL);

    g_assert_cmpstr (folded, ==, "");
  }
}

static void
test_date (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "31.12.2026", "2026-12-31" },
    { " 1.2.2027 ", "2027-02-01" },
    { "31.12.26", "2026-12-31" },
    { "2026-12-31", "2026-12-31" },
    { "31.02.2026", NULL },
    { "2026-13-01", NULL },
    { "morgen", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = kz_parse_user_date (cases[i].in);

      g_assert_cmpstr (iso, ==, cases[i].out);
    }
}

static void
test_item_split (void)
{
  g_autofree char *facet = NULL;
  g_autofree char *value = NULL;

  g_assert_true (kz_filter_item_split ("lead_organisation_id.umbrella=caritas", &facet, &value));
  g_assert_cmpstr (facet, ==, "lead_organisation_id.umbrella");
  g_assert_cmpstr (value, ==, "caritas");
  g_clear_pointer (&facet, g_free);
  g_clear_pointer (&value, g_free);

  g_assert_true (kz_filter_item_split ("advisor=a=b", &facet, &value));
  g_assert_cmpstr (value, ==, "a=b");
  g_assert_false (kz_filter_item_split ("=x", &facet, &value));
  g_assert_false (kz_filter_item_split ("status", &facet, &value));
  g_assert_false (kz_filter_item_split (NULL, &facet, &value));
}

static void
test_views (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("com.example.Kompetenz");
  const char *items[] = { "status=running", "end_date.to=2026-12-31", NULL };
  g_autoptr(GPtrArray) views = NULL;
  KzView *view;

  g_settings_reset (settings, "saved-views");
  kz_views_add (settings, "Laufend", "projects", "lüneb", items);
  kz_views_add (settings, "Alle", "organisations", NULL, NULL);

  views = kz_views_load (settings);
  g_assert_cmpuint (views->len, ==, 2);
  view = g_ptr_array_index (views, 0);
  g_assert_cmpstr (view->name, ==, "Laufend");
  g_assert_cmpstr (view->page, ==, "projects");
  g_assert_cmpstr (view->search, ==, "lüneb");
  g_assert_cmpstrv (view->items, items);
  view = g_ptr_array_index (views, 1);
  g_assert_cmpstr (view->search, ==, "");
  g_assert_cmpuint (g_strv_length (view->items), ==, 0);
  g_clear_pointer (&views, g_ptr_array_unref);

  g_assert_true (kz_views_rename (settings, 1, "Alle Träger"));
  g_assert_true (kz_views_remove (settings, 0));
  g_assert_false (kz_views_remove (settings, 5));
  views = kz_views_load (settings);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_cmpstr (((KzView *)g_ptr_array_index (views, 0))->name, ==, "Alle Träger");
}

static void
test_list_state (void)
{
  const int widths[] = { 240, -1, 160 };
  g_autoptr(GVariant) state = g_variant_ref_sink (kz_list_state_build ("end_date", TRUE, widths, 3));
  g_autofree char *key = NULL;
  g_autoptr(GArray) parsed = NULL;
  gboolean descending = FALSE;

  g_assert_true (kz_list_state_parse (state, &key, &descending, &parsed));
  g_assert_cmpstr (key, ==, "end_date");
  g_assert_true (descending);
  g_assert_cmpuint (parsed->len, ==, 3);
  g_assert_cmpint (g_array_index (parsed, int, 0), ==, 240);
  g_assert_cmpint (g_array_index (parsed, int, 1), ==, -1);
  g_assert_cmpint (g_array_index (parsed, int, 2), ==, 160);
  g_assert_false (kz_list_state_parse (NULL, &key, &descending, &parsed));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-keys/fold", test_fold);
  g_test_add_func ("/list-keys/date", test_date);
  g_test_add_func ("/list-keys/item-split", test_item_split);
  g_test_add_func ("/views/round-trip", test_views);
  g_test_add_func ("/list-state/round-trip", test_list_state);

  return g_test_run ();
}
