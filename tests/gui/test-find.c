/* test-find.c
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

/* Finding things in a real window on a small demo portfolio: the list
 * search, filter chips, saved views and the global search.  Runs
 * under Xvfb; waits for results by iterating the main context, never
 * by time. */

#include "config.h"

#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-filter.h"
#include "kz-global-search.h"
#include "kz-list-page.h"
#include "kz-list-state.h"
#include "kz-record-page.h"
#include "kz-views.h"
#include "kz-views-sidebar.h"
#include "kz-window.h"

typedef struct
{
  char           *dir;
  KzStore        *store;
  GSettings      *settings;
  KzContext      *context;
  KzWindow       *window;
} Fixture;

/* One application for all tests: it stays registered on the bus. */
static AdwApplication *app;
/* Windows of finished tests, hidden but alive until the end: GTK 4.8's
 * tooltip timer may still fire for the widget under the pointer and
 * asks for the pointer position on that window's surface, which must
 * not be gone by then (a Gdk-CRITICAL otherwise, seen on slow runs). */
static GPtrArray *parked_windows;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             gboolean (*check) (GtkWidget *, gpointer),
             gpointer   data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (check == NULL || check (child, data)))
        return child;
      if ((found = find_widget (child, type, check, data)))
        return found;
    }

  return NULL;
}

static gboolean
is_project_page (GtkWidget *widget,
                 gpointer   data)
{
  return kz_list_page_get_kind (KZ_LIST_PAGE (widget)) == KZ_KIND_PROJECT;
}

static gboolean
has_css_class (GtkWidget *widget,
               gpointer   data)
{
  return gtk_widget_has_css_class (widget, data);
}

#define ITERATE_UNTIL(cond) \
  G_STMT_START { \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("kz-test-find-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "portfolio.db", NULL);
  fixture->store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (fixture->store, 40, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  fixture->settings = g_settings_new ("com.example.Kompetenz");
  g_settings_reset (fixture->settings, "saved-views");
  g_settings_reset (fixture->settings, "list-state");
  if (data != NULL)
    {
      /* Projects sorted by end date, newest first; the title column
       * 300 pixels wide. */
      const int widths[] = { 300 };
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(sbai)}"));
      g_variant_builder_add (&builder, "{s@(sbai)}", "projects",
                             kz_list_state_build ("end_date", TRUE, widths, 1));
      g_settings_set_value (fixture->settings, "list-state", g_variant_builder_end (&builder));
    }
  g_settings_set_string (fixture->settings, "last-page", "projects");
  fixture->context = kz_context_new (fixture->store, fixture->settings);
  fixture->window = kz_window_new (app, fixture->context);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

/* Destroys a parked window, which closes its portfolio, then removes
 * the portfolio's folder. */
static void
unpark_window (gpointer data)
{
  GtkWindow *window = data;
  g_autofree char *dir = g_strdup (g_object_get_data (G_OBJECT (window), "test-dir"));
  g_autofree char *path = g_build_filename (dir, "portfolio.db", NULL);

  gtk_window_destroy (window);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_object_set_data_full (G_OBJECT (fixture->window), "test-dir",
                          g_steal_pointer (&fixture->dir), g_free);
  g_ptr_array_add (parked_windows, fixture->window);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->settings);
}

static KzListPage *
show_projects (Fixture *fixture)
{
  KzListPage *page;

  g_assert_true (kz_window_show_page (fixture->window, "projects"));
  page = KZ_LIST_PAGE (find_widget (GTK_WIDGET (fixture->window), KZ_TYPE_LIST_PAGE,
                                    is_project_page, NULL));
  g_assert_nonnull (page);
  ITERATE_UNTIL (kz_list_page_get_subtitle (page) != NULL);

  return page;
}

static guint
count_projects (Fixture    *fixture,
                const char *status,
                const char *text)
{
  g_autoptr(GListModel) projects = kz_store_list (fixture->store, KZ_KIND_PROJECT, NULL);
  g_autoptr(GHashTable) names = kz_store_get_titles (fixture->store, KZ_KIND_ORGANISATION, NULL);
  /* The list search finds the words in what the full-text index holds
   * of a project (title, description, …) and in its lead's name. */
  g_autoptr(GHashTable) found = text ? kz_store_search_uuids (fixture->store, KZ_KIND_PROJECT,
                                                              text, NULL) : NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (projects, i);
      const char *lead = kz_record_get_string (record, "lead_organisation_id");
      const char *name = lead ? g_hash_table_lookup (names, lead) : NULL;

      if (status != NULL && g_strcmp0 (kz_record_get_string (record, "status"), status) != 0)
        continue;
      if (text != NULL && !g_hash_table_contains (found, kz_record_get_uuid (record)) &&
          !(name && kz_text_contains_folded (name, text)))
        continue;
      n++;
    }

  return n;
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  KzListPage *page = show_projects (fixture);
  GListModel *model = kz_list_page_get_model (page);
  GtkEditable *entry = kz_list_filter_bar_get_entry (kz_list_page_get_filter_bar (page));
  KzListFilter *filter = kz_list_filter_bar_get_filter (kz_list_page_get_filter_bar (page));
  guint total = g_list_model_get_n_items (model);
  guint expected = count_projects (fixture, NULL, "digital");

  g_assert_cmpuint (total, ==, count_projects (fixture, NULL, NULL));
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, total);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL);
  gtk_editable_set_text (entry, "DIGITAL");
  /* The entry reports the text after a short pause. */
  ITERATE_UNTIL (g_strcmp0 (kz_list_filter_get_search (filter), "DIGITAL") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
  g_assert_true (g_str_has_suffix (kz_list_page_get_subtitle (page), "projects"));
  g_assert_nonnull (strstr (kz_list_page_get_subtitle (page), " of "));

  /* Escape empties the search. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_null (strstr (kz_list_page_get_subtitle (page), " of "));
}

static void
test_filter_chip (Fixture       *fixture,
                  gconstpointer  data)
{
  KzListPage *page = show_projects (fixture);
  GListModel *model = kz_list_page_get_model (page);
  KzListFilterBar *bar = kz_list_page_get_filter_bar (page);
  KzListFilter *filter = kz_list_filter_bar_get_filter (bar);
  guint total = g_list_model_get_n_items (model);
  guint running = count_projects (fixture, "running", NULL);
  GtkWidget *chip;

  g_assert_cmpuint (running, >, 0);
  g_assert_cmpuint (running, <, total);
  g_assert_null (find_widget (GTK_WIDGET (bar), GTK_TYPE_BUTTON, has_css_class, "filter-chip"));

  g_assert_true (kz_list_filter_add_item (filter, "status=running"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, running);

  chip = find_widget (GTK_WIDGET (bar), GTK_TYPE_BUTTON, has_css_class, "filter-chip");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_is_visible (chip));
  g_signal_emit_by_name (chip, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_null (kz_list_filter_get_items (filter)[0]);

  /* A date range narrows as well, and clears with the rest. */
  kz_list_filter_set_date (filter, "end_date", FALSE, "2100-01-01");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  kz_list_filter_clear_items (filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
}

static void
test_saved_view (Fixture       *fixture,
                 gconstpointer  data)
{
  KzListPage *page = show_projects (fixture);
  GListModel *model = kz_list_page_get_model (page);
  KzListFilter *filter = kz_list_filter_bar_get_filter (kz_list_page_get_filter_bar (page));
  KzViewsSidebar *sidebar;
  const char *items[] = { "status=running", NULL };
  g_autoptr(GPtrArray) views = NULL;

  kz_views_add (fixture->settings, "Running", "projects", "", items);
  views = kz_views_load (fixture->settings);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_cmpstrv (((KzView *)g_ptr_array_index (views, 0))->items, items);

  kz_window_show_page (fixture->window, "overview");
  sidebar = KZ_VIEWS_SIDEBAR (find_widget (GTK_WIDGET (fixture->window), KZ_TYPE_VIEWS_SIDEBAR, NULL, NULL));
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar)));
  g_assert_true (kz_views_sidebar_activate (sidebar, 0));

  g_assert_cmpstr (kz_window_get_page_name (fixture->window), ==, "projects");
  g_assert_true (kz_list_filter_has_item (filter, "status=running"));
  ITERATE_UNTIL (kz_list_page_get_subtitle (page) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_projects (fixture, "running", NULL));

  g_assert_true (kz_views_remove (fixture->settings, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar)));
}

static void
record_activated_cb (KzGlobalSearch *search,
                     guint           kind,
                     const char     *uuid,
                     char          **out)
{
  *out = g_strdup (uuid);
}

static gboolean
has_uuid (GtkWidget *widget,
          gpointer   uuid)
{
  return g_strcmp0 (kz_record_page_get_uuid (KZ_RECORD_PAGE (widget)), uuid) == 0;
}

static void
search_everything (Fixture    *fixture,
                   const char *text)
{
  KzGlobalSearch *search = KZ_GLOBAL_SEARCH (find_widget (GTK_WIDGET (fixture->window),
                                                          KZ_TYPE_GLOBAL_SEARCH, NULL, NULL));
  GtkListBox *results = kz_global_search_get_results (search);
  g_autofree char *activated = NULL;
  GtkListBoxRow *row = NULL;
  KzRecord *record = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-everything", NULL);
  kz_global_search_search (search, text);
  ITERATE_UNTIL (!kz_global_search_is_busy (search));

  for (int i = 0; (row = gtk_list_box_get_row_at_index (results, i)); i++)
    {
      record = g_object_get_data (G_OBJECT (row), "kz-record");
      if (kz_record_get_kind (record) == KZ_KIND_PROJECT)
        break;
    }
  g_assert_nonnull (row);
  /* Grouped under a heading of its kind. */
  g_assert_nonnull (gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (results, 0)));

  g_signal_connect (search, "record-activated", G_CALLBACK (record_activated_cb), &activated);
  g_signal_emit_by_name (results, "row-activated", row);
  g_assert_nonnull (activated);
  g_assert_cmpstr (activated, ==, kz_record_get_uuid (record));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), KZ_TYPE_RECORD_PAGE, has_uuid, activated));
}

static void
test_global_search (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(KzRecord) project = kz_record_new (KZ_KIND_PROJECT);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (project, "title", "Digitale Beratung im Landkreis Lüneburg");
  kz_record_set_string (project, "status", "running");
  g_assert_true (kz_store_save (fixture->store, project, &error));
  g_assert_no_error (error);

  show_projects (fixture);
  search_everything (fixture, "lüneb");
  search_everything (fixture, "lueneb");
}

static GtkColumnView *
find_column_view (KzListPage *page)
{
  return GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL, NULL));
}

static void
test_list_state (Fixture       *fixture,
                 gconstpointer  data)
{
  KzListPage *page = show_projects (fixture);
  GListModel *model = kz_list_page_get_model (page);
  GtkColumnView *view = find_column_view (page);
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  guint n = g_list_model_get_n_items (model);
  const char *previous = NULL;

  g_assert_cmpint (gtk_column_view_column_get_fixed_width (title), ==, 300);

  /* Restored sort: end dates never increase down the list. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);
      const char *end = kz_record_get_string (record, "end_date");

      if (end == NULL)
        continue;
      if (previous != NULL)
        g_assert_cmpstr (end, <=, previous);
      previous = end;
    }
  g_assert_nonnull (previous);
}

static void
state_changed_cb (GSettings  *settings,
                  const char *key,
                  gboolean   *changed)
{
  *changed = TRUE;
}

/* Sorting by another column is written back (after a short pause). */
static void
test_list_state_save (Fixture       *fixture,
                      gconstpointer  data)
{
  KzListPage *page = show_projects (fixture);
  GtkColumnView *view = find_column_view (page);
  g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GArray) widths = NULL;
  gboolean descending = TRUE;
  gboolean changed = FALSE;

  g_signal_connect (fixture->settings, "changed::list-state", G_CALLBACK (state_changed_cb), &changed);
  gtk_column_view_sort_by_column (view, status, GTK_SORT_ASCENDING);
  ITERATE_UNTIL (changed);

  all = g_settings_get_value (fixture->settings, "list-state");
  state = g_variant_lookup_value (all, "projects", G_VARIANT_TYPE ("(sbai)"));
  g_assert_true (kz_list_state_parse (state, &key, &descending, &widths));
  g_assert_cmpstr (key, ==, "status");
  g_assert_false (descending);
  g_assert_cmpuint (widths->len, >=, 1);
  g_signal_handlers_disconnect_by_func (fixture->settings, state_changed_cb, &changed);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = adw_application_new ("com.example.Kompetenz.TestFind", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add ("/find/list-search", Fixture, NULL, fixture_set_up, test_list_search, fixture_tear_down);
  g_test_add ("/find/filter-chip", Fixture, NULL, fixture_set_up, test_filter_chip, fixture_tear_down);
  g_test_add ("/find/saved-view", Fixture, NULL, fixture_set_up, test_saved_view, fixture_tear_down);
  g_test_add ("/find/global-search", Fixture, NULL, fixture_set_up, test_global_search, fixture_tear_down);
  g_test_add ("/find/list-state", Fixture, "restore", fixture_set_up, test_list_state, fixture_tear_down);
  g_test_add ("/find/list-state-save", Fixture, NULL, fixture_set_up, test_list_state_save, fixture_tear_down);

  parked_windows = g_ptr_array_new_with_free_func (unpark_window);
  result = g_test_run ();
  g_ptr_array_unref (parked_windows);
  return result;
}
