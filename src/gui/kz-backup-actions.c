/* kz-backup-actions.c
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

#define G_LOG_DOMAIN "kz-backup-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kz-backup-actions.h"
#include "kz-progress-bar.h"
#include "kz-store-backup.h"
#include "kz-thread-task.h"

/* Safety copies kept next to the portfolio before each restore. */
#define MAX_SAFETY_COPIES 5
#define SAFETY_PREFIX "before-restore-"

typedef struct
{
  KzStore       *store;
  GFile         *file;
  GFile         *safety;     /* restore: the copy of the old portfolio */
  KzProgressBar *bar;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->file);
  g_clear_object (&data->safety);
  g_clear_object (&data->bar);
  g_free (data);
}

static gboolean
is_safety_name (const char *name)
{
  return g_str_has_prefix (name, SAFETY_PREFIX) && g_str_has_suffix (name, ".db");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Keeps the newest safety copies; the names sort by time. */
static void
prune_safety_copies (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    if (is_safety_name (name))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + MAX_SAFETY_COPIES < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      g_unlink (path);
    }
}

static char *
safety_path_for (KzStore *store)
{
  g_autofree char *dir = g_path_get_dirname (kz_store_get_path (store));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf (SAFETY_PREFIX "%s-%06d.db", stamp,
                                           g_date_time_get_microsecond (now));

  return g_build_filename (dir, name, NULL);
}

static void
backup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  GError *error = NULL;

  kz_progress_bar_report (_("Copying the portfolio"), 0.1, data->bar);
  if (path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                             _("Backups can only be written to local files"));
  else if (kz_store_backup (data->store, path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
restore_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BackupData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autofree char *safety = safety_path_for (data->store);
  g_autofree char *dir = g_path_get_dirname (safety);
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Backups can only be read from local files"));
      return;
    }

  kz_progress_bar_report (_("Keeping a copy of the current portfolio"), 0.1, data->bar);
  if (!kz_store_backup (data->store, safety, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  kz_progress_bar_report (_("Restoring"), 0.5, data->bar);
  if (!kz_store_restore_backup (data->store, path, cancellable, &error))
    {
      g_unlink (safety);   /* nothing changed: no copy needed */
      g_task_return_error (task, error);
      return;
    }

  prune_safety_copies (dir);
  data->safety = g_file_new_for_path (safety);
  g_task_return_boolean (task, TRUE);
}

static void
worker_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  BackupData *data = g_task_get_task_data (G_TASK (result));
  KzWindow *window = KZ_WINDOW (object);
  GError *error = NULL;

  kz_progress_bar_end (data->bar);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  if (data->safety == NULL)
    {
      g_task_return_boolean (outer, TRUE);
      return;
    }

  /* The history refers to the content that was replaced. */
  kz_undo_manager_clear (kz_window_get_undo_manager (window));
  g_task_return_pointer (outer, g_object_ref (data->safety), g_object_unref);
}

static void
run_backup_task (KzWindow            *window,
                 GFile               *file,
                 gboolean             restore,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (window, cancellable, callback, user_data);
  g_autoptr(GTask) task = NULL;
  BackupData *data;
  GCancellable *bar_cancellable;

  g_task_set_source_tag (outer, restore ? (gpointer)kz_backup_restore_async
                                        : (gpointer)kz_backup_write_async);
  data = g_new0 (BackupData, 1);
  data->store = g_object_ref (kz_context_get_store (kz_window_get_context (window)));
  data->file = g_object_ref (file);
  data->bar = g_object_ref (kz_progress_bar_get_for_window (ADW_APPLICATION_WINDOW (window)));

  bar_cancellable = kz_progress_bar_begin (data->bar, restore ? _("Restoring from a backup")
                                                             : _("Backing up the portfolio"));
  if (bar_cancellable == NULL)
    {
      backup_data_free (data);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("Wait until the running task is done"));
      return;
    }
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (g_cancellable_cancel),
                           g_object_ref (bar_cancellable), g_object_unref);

  task = g_task_new (window, bar_cancellable, worker_done_cb, g_steal_pointer (&outer));
  g_task_set_task_data (task, data, (GDestroyNotify)backup_data_free);
  kz_thread_task_run (task, restore ? restore_worker : backup_worker);
}

void
kz_backup_write_async (KzWindow            *window,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_return_if_fail (KZ_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kz_window_get_context (window) != NULL);

  run_backup_task (window, file, FALSE, cancellable, callback, user_data);
}

gboolean
kz_backup_write_finish (KzWindow      *window,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kz_backup_restore_async (KzWindow            *window,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (KZ_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (kz_window_get_context (window) != NULL);

  run_backup_task (window, file, TRUE, cancellable, callback, user_data);
}

GFile *
kz_backup_restore_finish (KzWindow      *window,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, window), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The window actions */

static void
backup_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  if (kz_backup_write_finish (KZ_WINDOW (object), result, &error))
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Portfolio backed up to “%s”"), name);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: %s is an error message */
    title = g_strdup_printf (_("Could not back up: %s"), error->message);

  if (title != NULL)
    kz_window_add_toast (KZ_WINDOW (object), adw_toast_new (title));
}

static void restore_ready_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
undo_restore_cb (AdwToast *toast,
                 GFile    *safety)
{
  KzWindow *window = g_object_get_data (G_OBJECT (toast), "kz-window");

  if (window != NULL)
    kz_backup_restore_async (window, safety, NULL, restore_ready_cb, NULL);
}

static void
restore_ready_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KzWindow *window = KZ_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) safety = kz_backup_restore_finish (window, result, &error);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (safety == NULL)
    {
      /* Translators: %s is an error message */
      title = g_strdup_printf (_("Could not restore: %s"), error->message);
      kz_window_add_toast (window, adw_toast_new (title));
      return;
    }

  toast = adw_toast_new (_("Portfolio restored from the backup"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data (G_OBJECT (toast), "kz-window", window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_restore_cb),
                         g_object_ref (safety), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  kz_window_add_toast (window, toast);
}

static void
backup_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  KzWindow *window = KZ_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  GFile *file;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    kz_backup_write_async (window, file, NULL, backup_ready_cb, file);

  g_object_unref (chooser);
}

static void
backup_create_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  KzWindow *window = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: a file name; %s is the date */
  g_autofree char *name = g_strdup_printf (_("Kompetenz-Backup-%s.kompetenz"), day);
  GtkFileChooserNative *chooser;

  if (kz_window_get_context (window) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Back Up Portfolio"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GFile            *file)
{
  KzWindow *window = KZ_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "restore") == 0)
    kz_backup_restore_async (window, file, NULL, restore_ready_cb, NULL);
}

static void
restore_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  KzWindow *window = KZ_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (response != GTK_RESPONSE_ACCEPT ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_object_unref (chooser);
      return;
    }

  name = g_file_get_basename (file);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Replace the Portfolio?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a file name */
                                  _("Everything in the portfolio is replaced by the content of "
                                    "“%s”. A copy of the current portfolio is kept, so that the "
                                    "restore can be undone."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb),
                         g_steal_pointer (&file), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_unref (chooser);
}

static void
backup_restore_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  KzWindow *window = user_data;
  GtkFileChooserNative *chooser;

  if (kz_window_get_context (window) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Restore From Backup"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_chosen_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
kz_backup_actions_install (KzWindow *window)
{
  static const GActionEntry entries[] = {
    { "create", backup_create_cb },
    { "restore", backup_restore_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_if_fail (KZ_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "backup", G_ACTION_GROUP (group));
}
