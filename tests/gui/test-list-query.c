/* test-list-query.c
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

#include "kz-demo.h"
#include "kz-list-filter.h"
#include "kz-list-page.h"
#include "kz-list-reference.h"
#include "kz-undo-manager.h"

/* The store-backed list page shows the rows, in the order, that the
 * in-memory list showed: every record loaded into a list store,
 * filtered by matching the filter's items and sorted by the column's
 * GtkSorter (kz-list-reference.c). */

typedef struct
{
  char      *dir;
  KzStore   *store;
  GSettings *settings;
  KzContext *context;
  GtkWindow *window;
  KzListPage *page;
} Fixture;

#define ITERATE_UNTIL(cond) \
  G_STMT_START { \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("kz-test-list-query-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "portfolio.db", NULL);
  f->store = kz_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (f->store, 120, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);

  f->settings = g_settings_new ("com.example.Kompetenz");
  g_settings_reset (f->settings, "saved-views");
  g_settings_reset (f->settings, "list-state");
  f->context = kz_context_new (f->store, f->settings);
  f->page = KZ_LIST_PAGE (kz_list_page_new (f->context, GPOINTER_TO_UINT (data)));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  ITERATE_UNTIL (kz_list_page_get_subtitle (f->page) != NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "portfolio.db", NULL);

  gtk_window_destroy (f->window);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkColumnView *
find_column_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_COLUMN_VIEW (child))
        return GTK_COLUMN_VIEW (child);
      if ((found = (GtkWidget *)find_column_view (child)))
        return GTK_COLUMN_VIEW (found);
    }

  return NULL;
}

static char *
dup_uuids (GListModel *model)
{
  GString *uuids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);

      g_string_append_printf (uuids, "%s%s", i ? "\n" : "", kz_record_get_uuid (record));
    }

  return g_string_free (uuids, FALSE);
}

static GHashTable *
load_organisations (KzStore *store)
{
  g_autoptr(GListModel) records = kz_store_list (store, KZ_KIND_ORGANISATION, NULL);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      KzRecord *record = g_list_model_get_item (records, i);

      g_hash_table_insert (table, (gpointer)kz_record_get_uuid (record), record);
    }

  return table;
}

static int
invert_cb (gconstpointer a,
           gconstpointer b,
           gpointer      sorter)
{
  return -gtk_sorter_compare (sorter, (gpointer)a, (gpointer)b);
}

/* The rows as the in-memory list had them. */
static char *
dup_expected (Fixture             *f,
              const char * const  *items,
              KzColumnData        *column,
              gboolean             descending)
{
  g_autoptr(GListModel) all = kz_store_list (f->store, kz_list_page_get_kind (f->page), NULL);
  g_autoptr(KzListFilter) filter = kz_list_filter_new (kz_list_page_get_kind (f->page));
  g_autoptr(GHashTable) organisations = load_organisations (f->store);
  g_autoptr(GtkFilter) matcher = NULL;
  g_autoptr(GtkSorter) sorter = kz_list_reference_sorter_new (column, _kz_list_page_get_lookups (f->page));
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkSorter *order = sorter;
  g_autoptr(GtkSorter) inverted = NULL;

  kz_list_filter_set_items (filter, items);
  matcher = kz_list_reference_filter_new (filter, organisations);
  filtered = gtk_filter_list_model_new (g_object_ref (all), g_object_ref (matcher));
  if (descending)
    order = inverted = GTK_SORTER (gtk_custom_sorter_new (invert_cb, g_object_ref (sorter), g_object_unref));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (filtered)), g_object_ref (order));

  return dup_uuids (G_LIST_MODEL (sorted));
}

/* Filter items with values taken from the portfolio, so that none is
 * empty by chance. */
static GPtrArray *
build_item_sets (Fixture *f)
{
  KzKind kind = kz_list_page_get_kind (f->page);
  g_autoptr(KzListFilter) filter = kz_list_filter_new (kind);
  g_autoptr(GListModel) all = kz_store_list (f->store, kind, NULL);
  g_autoptr(GHashTable) organisations = load_organisations (f->store);
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GStrvBuilder) combined = g_strv_builder_new ();
  const KzFacet *facets;
  guint n_facets;

  facets = kz_list_filter_get_facets (filter, &n_facets);
  for (guint i = 0; i < n_facets; i++)
    {
      const KzFacet *facet = &facets[i];
      g_autoptr(KzRecord) first = g_list_model_get_item (all, 0);
      g_autoptr(KzRecord) other = g_list_model_get_item (all, g_list_model_get_n_items (all) / 2);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (KzRecord *record = first; record != NULL; record = record == first ? other : NULL)
        {
          const char *value = NULL;
          g_autofree char *item = NULL;

          if (facet->type == KZ_FACET_DATE)
            {
              value = kz_record_get_string (record, facet->field->name);
              if (value == NULL)
                continue;
              item = g_strdup_printf ("%s.%s=%s", facet->id, record == first ? "from" : "to", value);
            }
          else
            {
              KzRecord *holder = record;

              if (facet->via != NULL)
                holder = g_hash_table_lookup (organisations,
                                              kz_record_get_string (record, facet->field->name) ?: "");
              if (holder == NULL)
                continue;
              if (facet->field->type == KZ_FIELD_LIST && facet->via == NULL)
                value = kz_record_get_list (holder, facet->field->name)[0];
              else
                value = kz_record_get_string (holder, (facet->via ? facet->via : facet->field)->name);
              if (value == NULL)
                continue;
              item = g_strdup_printf ("%s=%s", facet->id, value);
            }
          g_strv_builder_add (builder, item);
          if (record == first)
            g_strv_builder_add (combined, item);
        }
      g_ptr_array_add (sets, g_strv_builder_end (builder));
    }
  g_ptr_array_add (sets, g_strv_builder_end (combined));

  return sets;
}

static void
test_filters_and_sorts (Fixture       *f,
                        gconstpointer  data)
{
  GtkColumnView *view = find_column_view (GTK_WIDGET (f->page));
  GListModel *columns = gtk_column_view_get_columns (view);
  KzListFilter *filter = kz_list_filter_bar_get_filter (kz_list_page_get_filter_bar (f->page));
  g_autoptr(GPtrArray) sets = build_item_sets (f);
  GListModel *model = kz_list_page_get_model (f->page);
  guint compared = 0;

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
      KzColumnData *column_data = g_object_get_data (G_OBJECT (column), "kz-column-data");

      for (guint dir = 0; dir < 2; dir++)
        {
          gtk_column_view_sort_by_column (view, column, dir ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);

          for (guint s = 0; s <= sets->len; s++)
            {
              const char * const *items = s < sets->len ? g_ptr_array_index (sets, s) : NULL;
              g_autofree char *expected = NULL;
              g_autofree char *shown = NULL;

              kz_list_filter_set_items (filter, items);
              expected = dup_expected (f, items, column_data, dir);
              shown = dup_uuids (model);
              if (g_strcmp0 (expected, shown) != 0)
                g_test_message ("column %u, %s, filter %u: %s", c, dir ? "down" : "up", s,
                                items && items[0] ? items[0] : "none");
              if (g_strcmp0 (expected, shown) != 0 && g_getenv ("KZ_TEST_VERBOSE"))
                g_printerr ("shown:\n%s\nexpected:\n%s\n", shown, expected);
              g_assert_cmpstr (shown, ==, expected);
              compared++;
            }
        }
    }
  g_assert_cmpuint (compared, >, 20);
}

static char *
dup_title_at (GListModel *model,
              guint       position)
{
  g_autoptr(KzRecord) record = g_list_model_get_item (model, position);

  return g_strdup (kz_record_get_title (record));
}

static gboolean
model_has_title (GListModel *model,
                 const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autofree char *found = dup_title_at (model, i);

      if (g_strcmp0 (found, title) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The page follows the store: an edit, a deletion and its undo. */
static void
test_edit_delete_undo (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *model = kz_list_page_get_model (f->page);
  KzListFilter *filter = kz_list_filter_bar_get_filter (kz_list_page_get_filter_bar (f->page));
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (f->store);
  g_autoptr(KzRecord) record = g_list_model_get_item (model, 0);
  g_autoptr(KzRecord) edited = kz_record_copy (record);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (model);
  const char *title = "Zwölf Wochen Quellcode für Träger";

  /* A selected record stays selected when a filter keeps it. */
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (model);
    g_autoptr(KzRecord) chosen = g_list_model_get_item (model, 3);
    g_autofree char *item = g_strconcat ("status=", kz_record_get_string (chosen, "status"), NULL);
    const char *items[] = { item, NULL };
    KzRecord *selected;

    gtk_single_selection_set_selected (selection, 3);
    kz_list_filter_set_items (filter, items);
    ITERATE_UNTIL (!kz_list_page_is_busy (f->page));
    g_assert_cmpuint (g_list_model_get_n_items (model), <, n);
    selected = gtk_single_selection_get_selected_item (selection);
    g_assert_nonnull (selected);
    g_assert_cmpstr (kz_record_get_uuid (selected), ==, kz_record_get_uuid (chosen));
    kz_list_filter_set_items (filter, NULL);
    ITERATE_UNTIL (g_list_model_get_n_items (model) == n);
  }

  kz_record_set_string (edited, kz_record_get_info (edited)->fields[kz_record_get_info (edited)->title_field].name,
                        title);
  g_assert_true (kz_undo_manager_save (undo, edited, "Edit", &error));
  g_assert_no_error (error);
  ITERATE_UNTIL (model_has_title (model, title));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* The search finds the new title: word starts, "ue" for "ü". */
  kz_list_filter_set_search (filter, "zwoelf quellc");
  ITERATE_UNTIL (g_list_model_get_n_items (model) == 1);
  {
    g_autofree char *found = dup_title_at (model, 0);

    g_assert_cmpstr (found, ==, title);
  }
  kz_list_filter_set_search (filter, NULL);
  ITERATE_UNTIL (g_list_model_get_n_items (model) == n);

  g_assert_true (kz_undo_manager_delete (undo, kz_record_get_kind (edited), kz_record_get_uuid (edited), "Delete", &error));
  g_assert_no_error (error);
  ITERATE_UNTIL (g_list_model_get_n_items (model) == n - 1);
  g_assert_false (model_has_title (model, title));

  g_assert_true (kz_undo_manager_undo (undo, &error));
  g_assert_no_error (error);
  ITERATE_UNTIL (g_list_model_get_n_items (model) == n);
  g_assert_true (model_has_title (model, title));
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
count_removed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *most)
{
  *most = MAX (*most, removed);
}

/* An edit reaches the row on screen, and the other rows stay: the view
 * neither starts at the top again nor looks for its rows among all
 * new ones. */
static void
test_edit_keeps_place (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *model = kz_list_page_get_model (f->page);
  GtkColumnView *view = find_column_view (GTK_WIDGET (f->page));
  g_autoptr(GtkColumnViewColumn) title_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  g_autoptr(KzUndoManager) undo = kz_undo_manager_new (f->store);
  g_autoptr(KzRecord) record = NULL;
  g_autoptr(KzRecord) edited = NULL;
  g_autoptr(KzRecord) shown = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (model);
  guint most_removed = 0;
  gulong handler;

  /* Sorted by title, a record whose title gets a suffix keeps its row. */
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_ASCENDING);
  ITERATE_UNTIL (!kz_list_page_is_busy (f->page));
  record = g_list_model_get_item (model, 2);
  edited = kz_record_copy (record);
  title = g_strconcat (kz_record_get_title (record), " – Pilot", NULL);
  ITERATE_UNTIL (shows_label (GTK_WIDGET (view), kz_record_get_title (record)));

  handler = g_signal_connect (model, "items-changed", G_CALLBACK (count_removed_cb), &most_removed);
  kz_record_set_string (edited, kz_record_get_info (edited)->fields[kz_record_get_info (edited)->title_field].name,
                        title);
  g_assert_true (kz_undo_manager_save (undo, edited, "Edit", &error));
  g_assert_no_error (error);
  ITERATE_UNTIL (shows_label (GTK_WIDGET (view), title));
  g_signal_handler_disconnect (model, handler);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (most_removed, <, n / 2);
  shown = g_list_model_get_item (model, 2);
  g_assert_cmpstr (kz_record_get_title (shown), ==, title);
}

static GtkWidget *
find_visible_status_page (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (ADW_IS_STATUS_PAGE (child))
        return child;
      if ((found = find_visible_status_page (child)))
        return found;
    }

  return NULL;
}

static GtkButton *
status_page_get_button (GtkWidget *status_page)
{
  GtkWidget *child = adw_status_page_get_child (ADW_STATUS_PAGE (status_page));

  g_assert_true (GTK_IS_BUTTON (child));
  return GTK_BUTTON (child);
}

/* A search without hits says so and offers to clear search and filters. */
static void
test_no_results (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *model = kz_list_page_get_model (f->page);
  KzListFilterBar *bar = kz_list_page_get_filter_bar (f->page);
  KzListFilter *filter = kz_list_filter_bar_get_filter (bar);
  guint n = g_list_model_get_n_items (model);
  const char *items[] = { "status=running", NULL };
  GtkWidget *status_page;
  GtkButton *clear;

  g_assert_null (find_visible_status_page (GTK_WIDGET (f->page)));
  kz_list_filter_set_items (filter, items);
  gtk_editable_set_text (kz_list_filter_bar_get_entry (bar), "xyzzyqq");
  ITERATE_UNTIL (g_strcmp0 (kz_list_filter_get_search (filter), "xyzzyqq") == 0 &&
                 !kz_list_page_is_busy (f->page) && g_list_model_get_n_items (model) == 0);
  ITERATE_UNTIL ((status_page = find_visible_status_page (GTK_WIDGET (f->page))) != NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "No Matching Results");

  clear = status_page_get_button (status_page);
  g_assert_cmpstr (gtk_button_get_label (clear), ==, "_Clear Search and Filters");
  g_signal_emit_by_name (clear, "clicked");
  ITERATE_UNTIL (!kz_list_page_is_busy (f->page) && g_list_model_get_n_items (model) == n);
  g_assert_cmpstr (kz_list_filter_get_search (filter), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (kz_list_filter_bar_get_entry (bar)), ==, "");
  g_assert_null (kz_list_filter_get_items (filter)[0]);
  g_assert_false (kz_list_filter_is_active (filter));
}

static void
new_child_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GVariant **activated = user_data;

  g_clear_pointer (activated, g_variant_unref);
  *activated = g_variant_ref (parameter);
}

/* A list without records offers to create one of its kind. */
static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kz-test-list-empty-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "portfolio.db", NULL);
  g_autoptr(KzStore) store = kz_store_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new ("com.example.Kompetenz");
  g_autoptr(KzContext) context = kz_context_new (store, settings);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("new-child", G_VARIANT_TYPE ("(iss)"));
  g_autoptr(GVariant) activated = NULL;
  g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new ("(iss)", (int)KZ_KIND_FIRM, "", ""));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  KzListPage *page = KZ_LIST_PAGE (kz_list_page_new (context, KZ_KIND_FIRM));
  GtkWidget *status_page;
  GtkButton *button;

  g_assert_no_error (error);
  g_signal_connect (action, "activate", G_CALLBACK (new_child_cb), &activated);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  ITERATE_UNTIL (!kz_list_page_is_busy (page) &&
                 (status_page = find_visible_status_page (GTK_WIDGET (page))) != NULL &&
                 g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), "No firms yet") == 0);

  button = status_page_get_button (status_page);
  g_assert_cmpstr (gtk_button_get_label (button), ==, "New Firm");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  ITERATE_UNTIL (activated != NULL);
  g_assert_true (g_variant_equal (activated, expected));

  gtk_window_destroy (window);
  g_clear_object (&context);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/list-query/projects", Fixture, GUINT_TO_POINTER (KZ_KIND_PROJECT),
              fixture_set_up, test_filters_and_sorts, fixture_tear_down);
  g_test_add ("/list-query/visits", Fixture, GUINT_TO_POINTER (KZ_KIND_VISIT),
              fixture_set_up, test_filters_and_sorts, fixture_tear_down);
  g_test_add ("/list-query/trainings", Fixture, GUINT_TO_POINTER (KZ_KIND_TRAINING),
              fixture_set_up, test_filters_and_sorts, fixture_tear_down);
  g_test_add ("/list-query/edit-delete-undo", Fixture, GUINT_TO_POINTER (KZ_KIND_PROJECT),
              fixture_set_up, test_edit_delete_undo, fixture_tear_down);
  g_test_add ("/list-query/edit-keeps-place", Fixture, GUINT_TO_POINTER (KZ_KIND_PROJECT),
              fixture_set_up, test_edit_keeps_place, fixture_tear_down);
  g_test_add ("/list-query/no-results", Fixture, GUINT_TO_POINTER (KZ_KIND_PROJECT),
              fixture_set_up, test_no_results, fixture_tear_down);
  g_test_add_func ("/list-query/empty", test_empty);

  return g_test_run ();
}
