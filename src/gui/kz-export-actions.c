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
#include <locale.h>

#include "kz-csv-export.h"
#include "kz-export-actions.h"
#include "kz-ics-export.h"
#include "kz-list-filter.h"
#include "kz-progress-bar.h"
#include "kz-report.h"
#include "kz-thread-task.h"

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
  kz_thread_task_run (task, export_worker);
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

/* Report and calendar: files of the whole portfolio, written on a
 * worker thread with the window's progress bar. */

typedef struct
{
  KzStore       *store;
  GListStore    *projects;    /* report */
  char          *selection;   /* report */
  char          *language;    /* report: "de", "en" or NULL */
  GFile         *file;
  KzProgressBar *bar;
} FileData;

static void
file_data_free (FileData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->projects);
  g_free (data->selection);
  g_free (data->language);
  g_clear_object (&data->file);
  g_clear_object (&data->bar);
  g_free (data);
}

static KzListPage *find_visible_list_page (GtkWidget *widget);

/* "Status: running, “Beratung”": what the project list shows now. */
static char *
describe_selection (KzListPage *page)
{
  KzListFilter *filter = kz_list_filter_bar_get_filter (kz_list_page_get_filter_bar (page));
  const char * const *items = kz_list_filter_get_items (filter);
  const char *search = kz_list_filter_get_search (filter);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_ptr_array_add (parts, kz_list_filter_describe_item (filter, items[i]));
  if (search != NULL && *search != '\0')
    g_ptr_array_add (parts, g_strdup_printf ("“%s”", search));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **)parts->pdata);
}

/* The projects of the visible project list as filtered now, or all. */
static void
collect_projects (KzWindow *window,
                  FileData *data,
                  GError  **error)
{
  KzListPage *page = find_visible_list_page (GTK_WIDGET (window));
  GListModel *model;

  data->projects = g_list_store_new (KZ_TYPE_RECORD);
  if (page == NULL || kz_list_page_get_kind (page) != KZ_KIND_PROJECT)
    {
      g_autoptr(GListModel) all = kz_store_list (data->store, KZ_KIND_PROJECT, error);

      for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(KzRecord) record = g_list_model_get_item (all, i);

          g_list_store_append (data->projects, record);
        }
      return;
    }

  model = kz_list_page_get_model (page);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (model, i);

      g_list_store_append (data->projects, record);
    }
  data->selection = describe_selection (page);
}

/* A copy of the application's locale with other messages. */
static locale_t
messages_locale_new (const char *name)
{
  locale_t base = duplocale (LC_GLOBAL_LOCALE);
  locale_t loc;

  if (base == (locale_t)0)
    return (locale_t)0;
  if ((loc = newlocale (LC_MESSAGES_MASK, name, base)) == (locale_t)0)
    freelocale (base);
  return loc;
}

/* Messages follow the thread's locale: the report is written in the
 * language asked for without touching the rest of the application.
 * (A LANGUAGE variable naming other languages still takes precedence
 * over German, as gettext wants it.) */
static locale_t
report_locale_new (const char *language)
{
  static const char * const german[] = { "de_DE.UTF-8", "de_DE.utf8", "de_AT.UTF-8", "de_CH.UTF-8", NULL };
  locale_t loc;

  if (g_strcmp0 (language, "en") == 0)
    return messages_locale_new ("C");

  for (guint i = 0; g_strcmp0 (language, "de") == 0 && german[i] != NULL; i++)
    if ((loc = messages_locale_new (german[i])) != (locale_t)0)
      return loc;

  return (locale_t)0;
}

static void
report_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FileData *data = task_data;
  locale_t loc = report_locale_new (data->language);
  locale_t old = loc != (locale_t)0 ? uselocale (loc) : (locale_t)0;
  GError *error = NULL;
  gboolean ok;

  ok = kz_report_write (data->store, G_LIST_MODEL (data->projects), NULL, data->selection,
                        data->file, kz_progress_bar_report, data->bar, cancellable, &error);
  if (loc != (locale_t)0)
    {
      uselocale (old);
      freelocale (loc);
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
calendar_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  FileData *data = task_data;
  g_autoptr(GListModel) trainings = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  GError *error = NULL;

  if ((trainings = kz_store_list (data->store, KZ_KIND_TRAINING, &error)) &&
      (deadlines = kz_store_list (data->store, KZ_KIND_DEADLINE, &error)) &&
      kz_ics_export (data->store, trainings, deadlines, data->file,
                     kz_progress_bar_report, data->bar, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
progress_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  FileData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  kz_progress_bar_end (data->bar);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/* Runs @worker with @data on a thread while the window's progress bar
 * shows @title; its Cancel button (or @cancellable) stops it. */
static void
run_file_task (KzWindow            *window,
               const char          *title,
               FileData            *data,
               GTaskThreadFunc      worker,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (window, cancellable, callback, user_data);
  g_autoptr(GTask) task = NULL;
  GCancellable *bar_cancellable;

  g_task_set_source_tag (outer, source_tag);
  data->bar = g_object_ref (kz_progress_bar_get_for_window (ADW_APPLICATION_WINDOW (window)));
  if (!(bar_cancellable = kz_progress_bar_begin (data->bar, title)))
    {
      file_data_free (data);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Wait until the running task is done"));
      return;
    }
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                           g_object_ref (bar_cancellable), g_object_unref);

  task = g_task_new (window, bar_cancellable, progress_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (task, data, (GDestroyNotify)file_data_free);
  kz_thread_task_run (task, worker);
}

void
kz_export_report_async (KzWindow            *window,
                        GFile               *file,
                        const char          *language,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  FileData *data;
  GError *error = NULL;

  g_return_if_fail (KZ_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kz_window_get_context (window) != NULL);

  data = g_new0 (FileData, 1);
  data->store = g_object_ref (kz_context_get_store (kz_window_get_context (window)));
  data->file = g_object_ref (file);
  data->language = g_strdup (language);
  collect_projects (window, data, &error);
  if (error != NULL)
    {
      g_autoptr(GTask) task = g_task_new (window, cancellable, callback, user_data);

      file_data_free (data);
      g_task_return_error (task, error);
      return;
    }

  run_file_task (window, _("Writing the report"), data, report_worker,
                 kz_export_report_async, cancellable, callback, user_data);
}

void
kz_export_calendar_async (KzWindow            *window,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  FileData *data;

  g_return_if_fail (KZ_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kz_window_get_context (window) != NULL);

  data = g_new0 (FileData, 1);
  data->store = g_object_ref (kz_context_get_store (kz_window_get_context (window)));
  data->file = g_object_ref (file);

  run_file_task (window, _("Exporting the calendar"), data, calendar_worker,
                 kz_export_calendar_async, cancellable, callback, user_data);
}

gboolean
kz_export_file_finish (KzWindow      *window,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (KZ_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);

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

/* "Exported to …" with Open, or why not; nothing for a cancellation,
 * which the user asked for. */
static void
toast_result (KzWindow     *window,
              GFile        *file,
              const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
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
export_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KzWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  ExportData *data = g_task_get_task_data (G_TASK (result));

  kz_export_list_csv_finish (KZ_LIST_PAGE (object), result, &error);
  toast_result (window, data->file, error);
}

static void
file_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  kz_export_file_finish (KZ_WINDOW (object), result, &error);
  toast_result (KZ_WINDOW (object), file, error);
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

static GtkFileChooserNative *
save_chooser_new (KzWindow   *window,
                  const char *title,
                  const char *name,
                  const char *filter_name,
                  const char *mime_type)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
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
  chooser = save_chooser_new (window, _("Export List as CSV"), name, _("CSV files"), "text/csv");
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (page));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
dated_name (const char *stem,
            const char *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.%s", stem, day, extension);
}

static void
report_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  KzWindow *window = KZ_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  const char *language = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language");
  GFile *file;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    kz_export_report_async (window, file, language, NULL, file_ready_cb, file);

  g_object_unref (chooser);
}

static const char *
default_report_language (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "de") ? "de" : "en";
}

static void
export_report_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  KzWindow *window = user_data;
  static const char *ids[] = { "de", "en", NULL };
  const char *labels[] = { _("German"), _("English"), NULL };
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (kz_window_get_context (window) == NULL)
    return;

  /* Translators: the start of the report's file name */
  name = dated_name (_("Portfolio-Report"), "pdf");
  chooser = save_chooser_new (window, _("Export Report as PDF"), name,
                              _("PDF documents"), "application/pdf");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "language", _("Language"),
                               ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "language", default_report_language ());
  g_signal_connect (chooser, "response", G_CALLBACK (report_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
calendar_response_cb (GtkNativeDialog *chooser,
                      int              response,
                      gpointer         user_data)
{
  KzWindow *window = KZ_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  GFile *file;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    kz_export_calendar_async (window, file, NULL, file_ready_cb, file);

  g_object_unref (chooser);
}

static void
export_calendar_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  KzWindow *window = user_data;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (kz_window_get_context (window) == NULL)
    return;

  /* Translators: the start of the calendar's file name */
  name = dated_name (_("Kompetenz-Calendar"), "ics");
  chooser = save_chooser_new (window, _("Export Calendar"), name,
                              _("Calendar files"), "text/calendar");
  g_signal_connect (chooser, "response", G_CALLBACK (calendar_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
kz_export_actions_install (KzWindow *window)
{
  static const GActionEntry entries[] = {
    { "list-csv", export_list_csv_cb },
    { "report-pdf", export_report_cb },
    { "calendar", export_calendar_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_if_fail (KZ_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "export", G_ACTION_GROUP (group));

  /* In place before anything is shown, so that its first use does not
   * move the window's content around. */
  kz_progress_bar_get_for_window (ADW_APPLICATION_WINDOW (window));
}
