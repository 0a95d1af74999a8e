/* kz-import-steps.c
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

#define G_LOG_DOMAIN "kz-import-steps"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-format.h"
#include "kz-import-window-private.h"

#define MAX_PREVIEW_VALUES 3

GStrv
_kz_import_fields_for_kind (KzKind kind)
{
  const KzKindInfo *info = kz_kind_get_info (kind);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < info->n_fields; i++)
    g_strv_builder_add (builder, info->fields[i].name);

  return g_strv_builder_end (builder);
}

static void
mapping_selected_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     KzCsvImport *import)
{
  const char * const *fields = g_object_get_data (G_OBJECT (row), "kz-fields");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kz-column"));
  guint selected = adw_combo_row_get_selected (row);
  const char *field = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? NULL : fields[selected - 1];
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (field, kz_csv_import_get_column_field (import, column)) == 0)
    return;
  if (!kz_csv_import_set_column_field (import, column, field, &error))
    g_warning ("Could not map column %u: %s", column, error->message);
  /* Taking a field from another column changes that row too. */
  _kz_import_window_mapping_changed (KZ_IMPORT_WINDOW (gtk_widget_get_root (GTK_WIDGET (row))));
}

GtkWidget *
_kz_import_mapping_row_new (KzCsvImport         *import,
                            guint                column,
                            const char * const  *fields)
{
  KzKind kind = kz_csv_import_get_kind (import);
  const char *header = kz_csv_import_get_header (import, column);
  const char *current = kz_csv_import_get_column_field (import, column);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  gtk_string_list_append (labels, _("Ignore"));
  for (guint i = 0; fields[i] != NULL; i++)
    {
      gtk_string_list_append (labels, g_dgettext (GETTEXT_PACKAGE, kz_kind_get_field (kind, fields[i])->label));
      if (g_strcmp0 (current, fields[i]) == 0)
        selected = i + 1;
    }

  /* Translators: %u is the number of a column in the file */
  subtitle = g_strdup_printf (_("Column %u"), column + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header && *header ? header : subtitle);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "kz-fields", (gpointer)fields);
  g_object_set_data (G_OBJECT (row), "kz-column", GUINT_TO_POINTER (column));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_selected_cb), import, 0);

  return row;
}

static const char *
action_label (KzCsvRowAction action)
{
  switch (action)
    {
    case KZ_CSV_ROW_CREATE:
      return _("New");
    case KZ_CSV_ROW_UPDATE:
      return _("Update");
    case KZ_CSV_ROW_SKIP:
      return _("Skipped");
    case KZ_CSV_ROW_REJECT:
    default:
      return _("Rejected");
    }
}

/* "Hannover · Verein · 12": the first mapped values as they will be saved. */
static char *
describe_values (KzCsvImport *import,
                 KzRecord    *record)
{
  const KzKindInfo *info = kz_kind_get_info (kz_csv_import_get_kind (import));
  const char *title_field = info->fields[info->title_field].name;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < kz_csv_import_get_n_columns (import) && parts->len < MAX_PREVIEW_VALUES; c++)
    {
      const char *field = kz_csv_import_get_column_field (import, c);
      char *text;

      if (field == NULL || g_str_equal (field, title_field))
        continue;
      if ((text = kz_format_field (record, field)) == NULL)
        text = kz_record_dup_text (record, field);
      if (text != NULL && *text != '\0')
        g_ptr_array_add (parts, text);
      else
        g_free (text);
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

GtkWidget *
_kz_import_preview_row_new (KzCsvImport *import,
                            KzCsvRow    *row)
{
  KzRecord *record = kz_csv_row_get_record (row);
  KzCsvRowAction action = kz_csv_row_get_action (row);
  const char *message = kz_csv_row_get_message (row);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *values = NULL;
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *badge;

  if (record != NULL)
    title = g_strdup (kz_record_get_title (record));
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      /* Translators: %u is a row number in the file */
      title = g_strdup_printf (_("Row %u"), kz_csv_row_get_number (row));
    }

  values = record != NULL ? describe_values (import, record) : NULL;
  if (message != NULL)
    subtitle = g_strdup (message);
  else
    subtitle = g_strdup (values);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 2);

  badge = gtk_label_new (action_label (action));
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, action == KZ_CSV_ROW_REJECT ? "error"
                                   : action == KZ_CSV_ROW_SKIP ? "dim-label" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (widget), badge);

  return widget;
}

GtkWidget *
_kz_import_rejected_row_new (KzCsvRow *row)
{
  GtkWidget *widget = adw_action_row_new ();
  /* Translators: %u is a row number in the file */
  g_autofree char *title = g_strdup_printf (_("Row %u"), kz_csv_row_get_number (row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), kz_csv_row_get_message (row));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 3);

  return widget;
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
_kz_import_report_text (GListModel *rejected)
{
  GString *out = g_string_new (NULL);

  append_csv_field (out, _("Row"));
  g_string_append_c (out, ';');
  append_csv_field (out, _("Reason"));
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (rejected); i++)
    {
      g_autoptr(KzCsvRow) row = g_list_model_get_item (rejected, i);
      const char *message = kz_csv_row_get_message (row);

      g_string_append_printf (out, "%u;", kz_csv_row_get_number (row));
      append_csv_field (out, message ? message : "");
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}
