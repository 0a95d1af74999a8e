/* kz-export-actions.c
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

#define G_LOG_DOMAIN "kz-export-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "kz-csv-export.h"
#include "kz-export-actions.h"

typedef struct
{
  KzStore    *store;
  KzKind      kind;
  GListStore *records;
  GStrv       fields;
  GFile      *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->records);
  g_clear_pointer (&data->fields, g_strfreev);
  g_clear_object (&data->file);
  g_free (data);
}

GStrv
kz_export_list_fields (KzListPage *page)
{
  const KzListSpec *spec;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (KZ_IS_LIST_PAGE (page), NULL);

  spec = kz_list_page_get_spec (page);
  for (guint i = 0; i < spec->n_columns; i++)
    if (spec->columns[i].field != NULL)
      g_strv_builder_add (builder, spec->columns[i].field);

  return g_strv_builder_end (builder);
}

char *
kz_export_suggest_name (KzListPage *page,
                        GDateTime  *date,
                        const char *extension)
{
  const KzKindInfo *info;
  g_autofree char *day = NULL;

  g_return_val_if_fail (KZ_IS_LIST_PAGE (page), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  info = kz_kind_get_info (kz_list_page_get_kind (page));
  day = g_date_time_format (date, "%Y-%m-%d");
  g_strdelimit (day, "/\\", '-');

  return g_strdup_printf ("%s-%s.%s", _(info->plural_label), day, extension);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (kz_csv_export (data->store, data->kind, G_LIST_MODEL (data->records),
                     (const char * const *)data->fields, data->file,
                     NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kz_export_list_csv_async (KzListPage          *page,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListModel *model;
  ExportData *data;
  guint n;

  g_return_if_fail (KZ_IS_LIST_PAGE (page));
  g_return_if_fail (G_IS_FILE (file));

  /* The list models belong to the main thread: the worker gets a copy
   * of the rows as they are shown now. */
  data = g_new0 (ExportData, 1);
  data->store = g_object_ref (kz_context_get_store (kz_list_page_get_context (page)));
  data->kind = kz_list_page_get_kind (page);
  data->records = g_list_store_new (KZ_TYPE_RECORD);
  data->fields = kz_export_list_fields (page);
  data->file = g_object_ref (file);

  model = kz_list_page_get_model (page);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);

      g_list_store_append (data->records, record);
    }

  task = g_task_new (page, cancellable, callback, user_data);
  g_task_set_source_tag (task, kz_export_list_csv_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_worker);
}

gboolean
kz_export_list_csv_finish (KzListPage    *page,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (KZ_IS_LIST_PAGE (page), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, page), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The window action */

static KzListPage *
find_visible_list_page (GtkWidget *widget)
{
  if (KZ_IS_LIST_PAGE (widget) && gtk_widget_get_mapped (widget))
    return KZ_LIST_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KzListPage *page = find_visible_list_page (child);

      if (page != NULL)
        return page;
    }

  return NULL;
}

static void
open_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_message ("Could not open the exported file: %s", error->message);
}

static void
toast_open_cb (AdwToast *toast,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, open_ready_cb, NULL);
}

static void
export_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KzWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result)) ? ((ExportData *)g_task_get_task_data (G_TASK (result)))->file : NULL;
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!kz_export_list_csv_finish (KZ_LIST_PAGE (object), result, &error))
    {
      /* Translators: %s is an error message */
      title = g_strdup_printf (_("Could not export: %s"), error->message);
      kz_window_add_toast (window, adw_toast_new (title));
      return;
    }

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Exported to “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_cb),
                         g_object_ref (file), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  kz_window_add_toast (window, toast);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KzListPage      *page)
{
  KzWindow *window = KZ_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    kz_export_list_csv_async (page, file, NULL, export_ready_cb, g_object_ref (window));

  g_object_unref (page);
  g_object_unref (chooser);
}

static void
export_list_csv_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KzWindow *window = user_data;
  KzListPage *page = find_visible_list_page (GTK_WIDGET (window));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (page == NULL)
    {
      kz_window_add_toast (window, adw_toast_new (_("Open a list to export it")));
      return;
    }

  name = kz_export_suggest_name (page, now, "csv");
  chooser = gtk_file_chooser_native_new (_("Export List as CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (page));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
kz_export_actions_install (KzWindow *window)
{
  static const GActionEntry entries[] = {
    { "list-csv", export_list_csv_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_if_fail (KZ_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "export", G_ACTION_GROUP (group));
}
