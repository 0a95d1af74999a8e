/* kz-list-state.c
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

#define G_LOG_DOMAIN "kz-list-state"

#include "config.h"

#include "kz-list-state.h"

#define STATE_KEY "list-state"
#define SAVE_DELAY_MS 500

typedef struct
{
  GtkColumnView *column_view;   /* weak */
  GSettings     *settings;
  char          *page;
  guint          save_source;
  gboolean       restoring;
} ListState;

static void
list_state_free (gpointer data)
{
  ListState *state = data;

  g_clear_handle_id (&state->save_source, g_source_remove);
  g_clear_object (&state->settings);
  g_free (state->page);
  g_free (state);
}

GVariant *
kz_list_state_build (const char *sort_key,
                     gboolean    descending,
                     const int  *widths,
                     guint       n_widths)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  for (guint i = 0; i < n_widths; i++)
    g_variant_builder_add (&builder, "i", widths[i]);

  return g_variant_new ("(sbai)", sort_key ? sort_key : "", descending, &builder);
}

gboolean
kz_list_state_parse (GVariant  *state,
                     char     **sort_key,
                     gboolean  *descending,
                     GArray   **widths)
{
  g_autoptr(GVariantIter) iter = NULL;
  int width;

  if (state == NULL || !g_variant_is_of_type (state, G_VARIANT_TYPE ("(sbai)")))
    return FALSE;

  g_variant_get (state, "(sbai)", sort_key, descending, &iter);
  *widths = g_array_new (FALSE, FALSE, sizeof (int));
  while (g_variant_iter_next (iter, "i", &width))
    g_array_append_val (*widths, width);

  return TRUE;
}

/* GTK 4.8 has no API for the column a view is sorted by; its header
 * marks it with an "ascending" or "descending" sort indicator. */
static GtkWidget *
find_sort_indicator (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "ascending") || gtk_widget_has_css_class (child, "descending"))
        return child;
      if ((found = find_sort_indicator (child)))
        return found;
    }

  return NULL;
}

gboolean
kz_list_state_get_sort_column (GtkColumnView  *column_view,
                 const char    **key,
                 gboolean       *descending)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (column_view));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  guint i = 0;

  for (GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL; title;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *indicator = find_sort_indicator (title);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      if (indicator == NULL || !(column = g_list_model_get_item (columns, i)))
        continue;

      *key = g_object_get_data (G_OBJECT (column), "kz-column-key");
      *descending = gtk_widget_has_css_class (indicator, "descending");
      return *key != NULL;
    }

  return FALSE;
}

static GVariant *
lookup_state (ListState *state)
{
  g_autoptr(GVariant) all = g_settings_get_value (state->settings, STATE_KEY);

  return g_variant_lookup_value (all, state->page, G_VARIANT_TYPE ("(sbai)"));
}

static void
store_state (ListState *state,
             GVariant  *value)
{
  g_autoptr(GVariant) all = g_settings_get_value (state->settings, STATE_KEY);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *page;
  GVariant *entry;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(sbai)}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@(sbai)}", &page, &entry))
    {
      if (!g_str_equal (page, state->page))
        g_variant_builder_add (&builder, "{s@(sbai)}", page, entry);
      g_variant_unref (entry);
    }
  g_variant_builder_add (&builder, "{s@(sbai)}", state->page, value);

  g_settings_set_value (state->settings, STATE_KEY, g_variant_builder_end (&builder));
}

static gboolean
save_cb (gpointer user_data)
{
  ListState *state = user_data;
  GListModel *columns = gtk_column_view_get_columns (state->column_view);
  guint n = g_list_model_get_n_items (columns);
  g_autoptr(GVariant) old = lookup_state (state);
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (int));
  g_autofree char *old_key = NULL;
  const char *key = NULL;
  gboolean descending = FALSE;
  GArray *old_widths = NULL;

  state->save_source = 0;
  if (old != NULL && kz_list_state_parse (old, &old_key, &descending, &old_widths))
    g_array_append_vals (widths, old_widths->data, old_widths->len);
  g_clear_pointer (&old_widths, g_array_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "kz-column-index"));
      int width = gtk_column_view_column_get_fixed_width (column);

      while (widths->len <= index)
        g_array_append_val (widths, (int) { -1 });
      /* Columns hidden for lack of space keep what they had. */
      if (gtk_column_view_column_get_visible (column) && width > 0)
        g_array_index (widths, int, index) = width;
    }

  if (!kz_list_state_get_sort_column (state->column_view, &key, &descending))
    key = NULL;
  store_state (state, kz_list_state_build (key, descending, (int *)widths->data, widths->len));

  return G_SOURCE_REMOVE;
}

static void
queue_save (ListState *state)
{
  if (state->restoring || state->column_view == NULL)
    return;

  g_clear_handle_id (&state->save_source, g_source_remove);
  state->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, state);
}

static void
restore (ListState *state)
{
  g_autoptr(GVariant) value = lookup_state (state);
  GListModel *columns = gtk_column_view_get_columns (state->column_view);
  guint n = g_list_model_get_n_items (columns);
  g_autofree char *key = NULL;
  g_autoptr(GArray) widths = NULL;
  gboolean descending = FALSE;

  if (value == NULL || !kz_list_state_parse (value, &key, &descending, &widths))
    return;

  state->restoring = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "kz-column-index"));
      const char *column_key = g_object_get_data (G_OBJECT (column), "kz-column-key");

      if (index < widths->len && g_array_index (widths, int, index) > 0)
        gtk_column_view_column_set_fixed_width (column, g_array_index (widths, int, index));
      if (*key != '\0' && g_strcmp0 (column_key, key) == 0)
        gtk_column_view_sort_by_column (state->column_view, column,
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
  state->restoring = FALSE;
}

void
kz_list_state_attach (GtkColumnView *column_view,
                      GSettings     *settings,
                      const char    *page)
{
  GListModel *columns;
  ListState *state;
  guint n;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (page != NULL);

  state = g_new0 (ListState, 1);
  state->column_view = column_view;
  state->settings = g_object_ref (settings);
  state->page = g_strdup (page);
  g_object_set_data_full (G_OBJECT (column_view), "kz-list-state", state, list_state_free);

  restore (state);

  g_signal_connect_swapped (gtk_column_view_get_sorter (column_view), "changed",
                            G_CALLBACK (queue_save), state);
  columns = gtk_column_view_get_columns (column_view);
  n = g_list_model_get_n_items (columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_signal_connect_swapped (column, "notify::fixed-width", G_CALLBACK (queue_save), state);
    }
}
